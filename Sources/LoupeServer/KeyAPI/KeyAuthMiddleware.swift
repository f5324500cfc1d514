import Foundation
import Hummingbird
import LoupeStore

/// Authenticates `Authorization: Bearer <key>` before any body byte is read: a request without a
/// usable key is refused with 401 and its body is never buffered.
struct KeyAuthMiddleware: RouterMiddleware {
  typealias Context = LoupeRequestContext
  let library: LibraryRepository

  func handle(
    _ request: Request,
    context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let header = request.headers[.authorization] else { throw KeyAPIError.invalidKey }
    let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
    guard parts.count == 2, parts[0].lowercased() == "bearer",
      let grant = try await library.authenticate(parts[1].trimmingCharacters(in: .whitespaces))
    else { throw KeyAPIError.invalidKey }
    var context = context
    context.grant = grant
    return try await next(request, context)
  }
}
