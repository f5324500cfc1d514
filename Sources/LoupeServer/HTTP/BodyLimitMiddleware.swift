import Hummingbird

/// Collects the request body into the context, refusing it past `limit` with a 413 envelope.
///
/// Runs after `CallerMiddleware`, so only a request naming a known app gets here. A body whose
/// declared `Content-Length` is over the limit is refused before any of it is read; a chunked
/// one is read (never kept) up to `drainLimit` so that the client gets to read the error instead
/// of a reset connection. The whole body must arrive within `timeout`: the server's idle timeout
/// closes a connection that sends nothing, and this ends one that trickles. The bytes kept
/// count against the server-wide `budget` until the response is made.
struct BodyLimitMiddleware: RouterMiddleware {
  typealias Context = LoupeRequestContext
  let limit: Int
  let timeout: Duration
  let budget: BodyBudget
  var drainLimit = 1 << 30

  func handle(
    _ request: Request,
    context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
      throw PAIError.bodyTooLarge(limit: limit)
    }
    let deadline = ContinuousClock.now + timeout
    var collected = ByteBuffer()
    var total = 0
    var reserved = 0
    defer { budget.release(reserved) }
    for try await var chunk in request.body {
      guard ContinuousClock.now <= deadline else { throw PAIError.bodyTimeout(timeout) }
      total += chunk.readableBytes
      if total <= limit {
        guard budget.reserve(chunk.readableBytes) else {
          throw PAIError.busy(
            "server busy: request bodies in memory reached \(budget.capacity >> 20) MiB; retry in a moment"
          )
        }
        reserved += chunk.readableBytes
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
