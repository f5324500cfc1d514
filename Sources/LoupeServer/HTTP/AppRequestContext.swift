import Hummingbird
import LoupeStore

/// The context of a request that passed authentication: the same request id, logger and raw
/// body as `LoupeRequestContext`, and the calling app, which can no longer be absent. Routes
/// behind `AuthMiddleware` are registered on a group of this context, so none can forget to
/// check it.
public struct AppRequestContext: ChildRequestContext {
  public typealias ParentContext = LoupeRequestContext

  public var coreContext: CoreRequestContextStorage
  public let requestID: String
  public let app: AppRecord
  public let rawBody: ByteBuffer

  public init(context: LoupeRequestContext) throws {
    guard let app = context.app else { throw PAIError.unknownApp }
    coreContext = context.coreContext
    requestID = context.requestID
    self.app = app
    rawBody = context.rawBody
  }

  public var maxUploadSize: Int { .max }
}
