import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import LoupeJobs
import LoupeMedia
import LoupeStore

/// The server's collaborators, built once at start-up.
public struct ServerDependencies: Sendable {
  public var database: LoupeDatabase
  public var analysis: any ImageAnalysisService
  public var videoAnalysis: any VideoAnalysisService
  /// The AI-portrait engine; without one the portrait actions answer PAI's "model not found",
  /// as for a model service that is not deployed.
  public var portraits: (any PortraitService)?
  public var httpClient: HTTPClient
  public var resolver: AddressResolver

  public init(
    database: LoupeDatabase, analysis: any ImageAnalysisService, videoAnalysis: any VideoAnalysisService,
    portraits: (any PortraitService)? = nil, httpClient: HTTPClient = RemoteFetcher.makeClient(),
    resolver: AddressResolver = .system
  ) {
    self.database = database
    self.analysis = analysis
    self.videoAnalysis = videoAnalysis
    self.portraits = portraits
    self.httpClient = httpClient
    self.resolver = resolver
  }
}

/// Builds the Hummingbird application: operational routes, then the PAI API and Loupe's own API,
/// each behind body limits and request signing. `onServerRunning` receives the bound port.
public func buildApplication(
  configuration: ServerConfiguration,
  dependencies: ServerDependencies,
  logger: Logger,
  onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
  let apps = AppRepository(database: dependencies.database)
  let blobs = try BlobStore(database: dependencies.database)
  let fetcher = RemoteFetcher(
    client: dependencies.httpClient, policy: configuration.fetch, resolver: dependencies.resolver)
  let loader = MediaLoader.live(
    fetcher: fetcher, blobs: blobs, mediaRoots: configuration.mediaRoots, maxBytes: configuration.images.maxBytes)

  let router = Router(context: LoupeRequestContext.self)
  router.add(middleware: EnvelopeMiddleware())
  router.add(middleware: MetricsMiddleware())
  router.add(middleware: LogRequestsMiddleware(.info))
  OperationsRoutes(registry: MetricsBootstrap.sharedRegistry()).add(to: router)

  let pai = router.group("api/v1")
    .add(middleware: BodyLimitMiddleware(limit: configuration.limits.maxBodyBytes))
    .add(middleware: AuthMiddleware(apps: apps))
  ImageRoutes(
    analysis: dependencies.analysis, loader: loader, decoder: ImageDecoder(limits: configuration.images),
    maxJSONDepth: configuration.limits.maxJSONDepth
  ).add(to: pai)
  let queue = SQLiteJobQueue(database: dependencies.database)
  VideoRoutes(queue: queue, settings: configuration.videos, maxJSONDepth: configuration.limits.maxJSONDepth).add(
    to: pai)
  JobRoutes(queue: queue).add(to: pai)
  let videoJobs = VideoJobHandler(
    files: .live(
      fetcher: fetcher, blobs: blobs, mediaRoots: configuration.mediaRoots,
      scratch: try ScratchFolder(dataDirectory: configuration.dataDirectory)),
    images: loader, imageDecoder: ImageDecoder(limits: configuration.images), analysis: dependencies.videoAnalysis,
    settings: configuration.videos,
    // Concurrent jobs share the cores rather than each decoding with all of them.
    decoderThreads: max(1, ProcessInfo.processInfo.activeProcessorCount / configuration.jobs.workers))
  var handlers: [String: any JobHandler] = [VideoRoutes.jobKind: videoJobs]
  if let portraits = dependencies.portraits {
    let store = try PortraitModelStore(database: dependencies.database)
    let imageDecoder = ImageDecoder(limits: configuration.images)
    PortraitRoutes(
      service: portraits, store: store, queue: queue, loader: loader, decoder: imageDecoder,
      maxJSONDepth: configuration.limits.maxJSONDepth
    ).add(to: pai)
    handlers[PortraitRoutes.jobKind] = PortraitJobHandler(
      service: portraits, store: store, loader: loader, decoder: imageDecoder)
  } else {
    PortraitRoutes.addUnavailable(to: pai)
  }
  let workers = JobWorkerPool(
    queue: queue, handler: JobKindRouter(handlers: handlers), configuration: configuration.jobs, logger: logger)

  let own = router.group("v1")
    .add(middleware: BodyLimitMiddleware(limit: configuration.limits.maxBlobBytes))
    .add(middleware: AuthMiddleware(apps: apps))
  BlobRoutes(blobs: blobs).add(to: own)

  return Application(
    router: router,
    configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Loupe"),
    services: [HTTPClientService(client: dependencies.httpClient), workers],
    onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
    logger: logger
  )
}
