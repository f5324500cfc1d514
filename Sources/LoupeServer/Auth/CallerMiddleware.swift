import Foundation
import Hummingbird
import LoupeStore

/// Identifies the calling app from `Authorization: <appId>:<signature>` before a single body
/// byte is read: a request without the header, with a malformed one, or naming an unknown or
/// revoked app is refused here, so that nobody who cannot sign can make the server buffer a
/// body. A signature that is not 64 hex digits is refused here too. The signature itself covers
/// the body, so `AuthMiddleware` checks it once
/// `BodyLimitMiddleware` has collected the body.
struct CallerMiddleware: RouterMiddleware {
  typealias Context = LoupeRequestContext
  let apps: AppRepository

  func handle(
    _ request: Request,
    context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let header = request.headers[.authorization], let colon = header.lastIndex(of: ":") else {
      throw PAIError.unknownApp
    }
    let appID = header[..<colon].trimmingCharacters(in: .whitespaces)
    let signature = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
    guard !appID.isEmpty, let app = try await apps.find(id: appID), !app.isRevoked else { throw PAIError.unknownApp }
    // A PAI signature is a hex HMAC-SHA256 digest: nothing else can be valid, whatever the body.
    guard signature.count == 64, signature.allSatisfy(\.isHexDigit) else { throw PAIError.badSignature }
    var context = context
    context.caller = Caller(app: app, signature: signature)
    return try await next(request, context)
  }
}

/// An app as its request names it, signature not yet checked.
struct Caller: Sendable {
  let app: AppRecord
  let signature: String
}
