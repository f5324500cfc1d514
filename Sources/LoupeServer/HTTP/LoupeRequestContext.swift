import Foundation
import Hummingbird
import LoupeStore

/// Per-request state: the PAI request id (also in every log line), the app the request names
/// (`CallerMiddleware`, before the body is read), the raw body bytes the signature was checked
/// against, and the app once `AuthMiddleware` has authenticated it (routes then see it,
/// non-optional, in `AppRequestContext`).
public struct LoupeRequestContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  public let requestID: String
  var caller: Caller?
  public var app: AppRecord?
  /// The Bearer key of a key-API request, once `KeyAuthMiddleware` has authenticated it.
  public var grant: APIKeyGrant?
  public var rawBody = ByteBuffer()

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    requestID = UUID().uuidString.lowercased()
    logger[metadataKey: "request_id"] = .string(requestID)
  }

  /// Body limits are enforced by `BodyLimitMiddleware`, per route group.
  public var maxUploadSize: Int { .max }
}
