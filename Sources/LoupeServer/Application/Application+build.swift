import Foundation
import Hummingbird
import Logging
import LoupeServices
import ServiceLifecycle

/// Builds the Hummingbird application over the application services: operational routes, then
/// the PAI API and Loupe's own API. On those, the caller is identified before any body byte is
/// read, the body is collected within its limits, and then the signature is checked.
/// `backgroundServices` run beside the server (the job workers of `--role all`);
/// `onServerRunning` receives the bound port.
///
/// Throws `ServerSetupError` when the TLS files cannot be read.
public func buildApplication(
  configuration: ServerConfiguration,
  services: Services,
  backgroundServices: [any Service] = [],
  logger: Logger,
  onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
  let router = Router(context: LoupeRequestContext.self)
  router.add(middleware: EnvelopeMiddleware())
  router.add(middleware: MetricsMiddleware())
  router.add(middleware: LogRequestsMiddleware(.info))
  OperationsRoutes(registry: MetricsBootstrap.sharedRegistry()).add(to: router)

  // The daily quota (`DailyQuota`): routes that queue jobs are charged per job by `JobAdmission`,
  // reading jobs is free, and every other signed request costs one unit, charged by
  // `RequestQuotaMiddleware`.
  let maxJSONDepth = configuration.limits.maxJSONDepth
  let limits = configuration.limits
  let budget = BodyBudget(capacity: limits.maxBufferedBodyBytes)
  let pai = router.group("api/v1")
    .add(middleware: CallerMiddleware(apps: services.apps))
    .add(middleware: BodyLimitMiddleware(limit: limits.maxBodyBytes, timeout: limits.bodyTimeout, budget: budget))
    .add(middleware: AuthMiddleware())
    .group(context: AppRequestContext.self)
  let paiPerRequest = pai.group().add(middleware: RequestQuotaMiddleware(quota: services.quota))
  ImageRoutes(images: services.images, maxJSONDepth: maxJSONDepth).add(to: paiPerRequest)
  VideoRoutes(videos: services.videos, maxJSONDepth: maxJSONDepth).add(to: pai)
  JobRoutes(queue: services.queue).add(to: pai)
  if let portraits = services.portraits {
    PortraitRoutes(portraits: portraits, maxJSONDepth: maxJSONDepth).add(to: paiPerRequest, jobs: pai)
  } else {
    PortraitRoutes.addUnavailable(to: paiPerRequest, jobs: pai)
  }

  let own = router.group("v1")
    .add(middleware: CallerMiddleware(apps: services.apps))
    .add(middleware: BodyLimitMiddleware(limit: limits.maxBlobBytes, timeout: limits.bodyTimeout, budget: budget))
    .add(middleware: AuthMiddleware())
    .group(context: AppRequestContext.self)
    .add(middleware: RequestQuotaMiddleware(quota: services.quota))
  BlobRoutes(blobs: services.blobs).add(to: own)

  // The Bearer-key APIs: the AI-Mage Search API under /v0 and Loupe's embeddings and
  // collections under /v1. The key is checked before the body is read, like an app's.
  func keyGroup(_ path: RouterPath, bodyLimit: Int) -> RouterGroup<KeyRequestContext> {
    router.group(path)
      .add(middleware: KeyAuthMiddleware(library: services.library))
      .add(middleware: BodyLimitMiddleware(limit: bodyLimit, timeout: limits.bodyTimeout, budget: budget))
      .group(context: KeyRequestContext.self)
  }
  let library = LibraryRoutes(version: LoupeVersion.current)
  library.addPublic(to: router.group("v0"))
  // Signed upload and media URLs carry their authority in the path: no key, no buffering.
  SignedFileRoutes(media: services.media).add(to: router.group("v0"))
  let v0 = keyGroup("v0", bodyLimit: limits.maxBodyBytes)
  library.add(to: v0)
  let origin = PublicOrigin(configured: services.configuration.library.publicBaseURL)
  LibraryVideoRoutes(media: services.media, origin: origin, maxJSONDepth: maxJSONDepth).add(to: v0)
  LibraryClipRoutes(media: services.media, origin: origin, maxJSONDepth: maxJSONDepth).add(to: v0)
  LibraryCharacterRoutes(media: services.media, origin: origin, maxJSONDepth: maxJSONDepth).add(to: v0)
  let keyed = keyGroup("v1", bodyLimit: limits.maxBlobBytes)
  EmbeddingRoutes(embeddings: services.embeddings, maxJSONDepth: maxJSONDepth).add(to: keyed)
  CollectionRoutes(collections: services.collections, maxJSONDepth: maxJSONDepth).add(to: keyed)

  return Application(
    router: router,
    server: try configuration.serverBuilder(),
    configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Loupe"),
    services: [services.httpClientService, services.indexSaver(logger: logger)] + backgroundServices,
    onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
    logger: logger
  )
}
