import Hummingbird
import LoupeStore

/// The context of a request that presented a usable Bearer key: the request id, logger and raw
/// body of `LoupeRequestContext` and the key's grant, which routes behind `KeyAuthMiddleware`
/// can no longer find absent.
public struct KeyRequestContext: ChildRequestContext {
  public typealias ParentContext = LoupeRequestContext

  public var coreContext: CoreRequestContextStorage
  public let requestID: String
  public let grant: APIKeyGrant
  public let rawBody: ByteBuffer

  public init(context: LoupeRequestContext) throws {
    guard let grant = context.grant else { throw KeyAPIError.invalidKey }
    coreContext = context.coreContext
    requestID = context.requestID
    self.grant = grant
    rawBody = context.rawBody
  }

  public var maxUploadSize: Int { .max }

  /// Refuses a read-only key with 403.
  func requireWritable() throws {
    guard !grant.key.isReadOnly else { throw KeyAPIError.readOnlyKey }
  }

  /// The granted project `id`; another project's id is answered as missing (404).
  func project(_ id: String) throws -> ProjectRecord {
    guard let project = grant.project(id: id) else { throw KeyAPIError.notFound("project") }
    return project
  }
}
