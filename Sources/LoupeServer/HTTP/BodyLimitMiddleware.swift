import Hummingbird

/// Collects the request body into the context, refusing it past `limit` with a 413 envelope. An
/// oversize body is still read (up to `drainLimit`) so the client gets to read the error instead
/// of a reset connection.
struct BodyLimitMiddleware: RouterMiddleware {
  typealias Context = LoupeRequestContext
  let limit: Int
  var drainLimit = 1 << 30

  func handle(
    _ request: Request,
    context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var collected = ByteBuffer()
    var total = 0
    for try await var chunk in request.body {
      total += chunk.readableBytes
      if total <= limit {
        collected.writeBuffer(&chunk)
      } else if total > drainLimit {
        break
      }
    }
    guard total <= limit else { throw PAIError.bodyTooLarge(limit: limit) }
    var context = context
    context.rawBody = collected
    var request = request
    request.body = RequestBody(buffer: collected)
    return try await next(request, context)
  }
}
