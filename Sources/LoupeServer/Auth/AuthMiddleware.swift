import Foundation
import Hummingbird

/// Checks the signature that `CallerMiddleware` read from `Authorization` against the raw body.
/// Runs after `BodyLimitMiddleware`, which collected the body. It charges no quota (`DailyQuota`
/// says what costs what): `RequestQuotaMiddleware` charges the routes it is on, `JobAdmission`
/// the jobs queued.
struct AuthMiddleware: RouterMiddleware {
  typealias Context = LoupeRequestContext
  /// How far `X-Request-Time`, when a client sends one as Unix seconds or milliseconds, may be
  /// from the server clock.
  var clockSkew: TimeInterval = 15 * 60

  func handle(
    _ request: Request,
    context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let caller = context.caller else { throw PAIError.unknownApp }
    let app = caller.app
    let signature = caller.signature
    let body = context.rawBody.readableBytesView
    guard
      RequestSignature.isValid(
        signature,
        method: request.method.rawValue,
        path: request.uri.path,
        body: body,
        token: app.token
      )
    else { throw PAIError.badSignature }
    try checkRequestTime(request.headers[.requestTime])
    var context = context
    context.app = app
    context.logger[metadataKey: "app_id"] = .string(app.id)
    return try await next(request, context)
  }

  private func checkRequestTime(_ value: String?) throws {
    guard let value, let number = Double(value.trimmingCharacters(in: .whitespaces)) else { return }
    let seconds = number > 1e11 ? number / 1000 : number
    guard abs(Date().timeIntervalSince1970 - seconds) <= clockSkew else {
      throw PAIError.parameter("X-Request-Time is more than \(Int(clockSkew)) seconds from the server clock")
    }
  }
}
