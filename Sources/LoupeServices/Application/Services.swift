import AsyncHTTPClient
import Foundation
import Logging
import LoupeJobs
import LoupeMedia
import LoupeStore

/// The application without HTTP: every service built once over one store. The HTTP edge calls
/// its actions; `workers(logger:)` runs its jobs, in the same process (`loupe serve --role all`)
/// or in a process of its own (`--role worker`) on the same data directory.
public struct Services: Sendable {
  public let configuration: ServiceConfiguration
  public let database: LoupeDatabase
  public let apps: AppRepository
  public let blobs: BlobStore
  public let queue: SQLiteJobQueue
  /// Apps' daily quotas; the HTTP edge charges the requests that queue no job through it.
  public let quota: DailyQuota
  /// Every client job enters the queue through it.
  public let admission: JobAdmission
  public let images: ImageActions
  public let videos: VideoSubmissions
  /// `nil` when the engines have no portrait engine.
  public let portraits: PortraitActions?
  /// `nil` when the engines have no embedding models.
  public let embeddings: EmbeddingActions?
  /// Library projects and their Bearer keys.
  public let library: LibraryRepository
  /// Seed 001's collections, per project.
  public let collections: CollectionActions
  /// Seed 000's media library: uploads, videos, clips, search, reference images.
  public let media: LibraryActions
  /// Admission for the synchronous analyses, shared by images and portraits.
  public let gate: AnalysisGate
  /// The outbound client of the guarded fetcher; `httpClientService` shuts it down.
  public let httpClient: HTTPClient

  let engines: AnalysisEngines
  let fetcher: RemoteFetcher
  let loader: MediaLoader
  let portraitStore: PortraitModelStore

  public init(
    configuration: ServiceConfiguration,
    database: LoupeDatabase,
    engines: AnalysisEngines,
    httpClient: HTTPClient = RemoteFetcher.makeClient(),
    resolver: AddressResolver = .system
  ) throws {
    self.configuration = configuration
    self.database = database
    self.engines = engines
    self.httpClient = httpClient
    apps = AppRepository(database: database)
    blobs = try BlobStore(database: database, maxBytesPerApp: configuration.maxBlobBytesPerApp)
    queue = try SQLiteJobQueue(database: database)
    let quota = DailyQuota(apps: apps)
    let admission = JobAdmission(queue: queue, quota: quota, configuration: configuration.admission)
    self.quota = quota
    self.admission = admission
    let portraitStore = try PortraitModelStore(database: database)
    let fetcher = RemoteFetcher(client: httpClient, policy: configuration.fetch, resolver: resolver)
    let loader = MediaLoader.live(
      fetcher: fetcher,
      blobs: blobs,
      mediaRoots: configuration.mediaRoots,
      maxBytes: configuration.images.maxBytes
    )
    let decoder = ImageDecoder(limits: configuration.images)
    let gate = AnalysisGate(limits: configuration.analyses)
    images = ImageActions(analysis: engines.images, loader: loader, decoder: decoder, gate: gate)
    videos = VideoSubmissions(admission: admission, settings: configuration.videos)
    portraits = engines.portraits.map {
      PortraitActions(
        service: $0,
        store: portraitStore,
        admission: admission,
        loader: loader,
        decoder: decoder,
        gate: gate
      )
    }
    embeddings = engines.embeddings.map {
      EmbeddingActions(service: $0, loader: loader, decoder: decoder, gate: gate)
    }
    library = LibraryRepository(database: database)
    let indexDirectory = configuration.dataDirectory.appendingPathComponent("indexes")
    try FileManager.default.createDirectory(
      at: indexDirectory,
      withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700]
    )
    collections = CollectionActions(
      repository: CollectionRepository(database: database),
      embeddings: embeddings,
      indexDirectory: indexDirectory,
      indexConfiguration: configuration.vectorIndex
    )
    media = try LibraryActions(
      database: database,
      dataDirectory: configuration.dataDirectory,
      indexDirectory: indexDirectory,
      settings: configuration.library,
      queue: queue,
      analysis: engines.clips,
      decoder: decoder
    )
    self.portraitStore = portraitStore
    self.gate = gate
    self.fetcher = fetcher
    self.loader = loader
  }

  /// Saves the changed vector graphs at graceful shutdown.
  public func indexSaver(logger: Logger) -> VectorIndexSaver {
    VectorIndexSaver(collections: collections, library: media, logger: logger)
  }

  /// Keeps the outbound client alive until graceful shutdown, then closes it.
  public var httpClientService: HTTPClientService { HTTPClientService(client: httpClient) }

  /// Removes blobs past the retention period; `nil` when blobs are kept until deleted. Like the
  /// workers, it runs only in the process that holds the data directory's `serve.lock`.
  public func blobRetention(logger: Logger, interval: Duration = .seconds(3600)) -> BlobRetention? {
    configuration.blobRetention.map { BlobRetention(blobs: blobs, retention: $0, interval: interval, logger: logger) }
  }

  /// The job workers. Only a process that holds the data directory's `serve.lock` may run them:
  /// they empty the scratch folder and requeue running jobs at start, both of which are safe only
  /// when no other worker process can be using them.
  public func workers(logger: Logger) throws -> JobWorkerPool {
    let decoder = ImageDecoder(limits: configuration.images)
    let files = MediaFileLoader.live(
      fetcher: fetcher,
      blobs: blobs,
      mediaRoots: configuration.mediaRoots,
      scratch: try ScratchFolder(dataDirectory: configuration.dataDirectory)
    )
    let videoJobs = VideoJobHandler(
      files: files,
      images: loader,
      imageDecoder: decoder,
      analysis: engines.videos,
      speech: engines.speech,
      settings: configuration.videos,
      // Concurrent jobs share the cores rather than each decoding with all of them.
      decoderThreads: max(1, ProcessInfo.processInfo.activeProcessorCount / configuration.jobs.workers)
    )
    var handlers: [String: any JobHandler] = [VideoSubmissions.jobKind: videoJobs]
    if let clips = engines.clips {
      handlers[LibraryIngestHandler.jobKind] = LibraryIngestHandler(
        repository: media.repository,
        files: media.files,
        analysis: clips,
        speech: engines.speech,
        settings: configuration.library,
        limits: VideoLimits(
          maxBytes: configuration.library.maxVideoBytes,
          maxDuration: configuration.videos.maxDuration,
          maxPixels: configuration.videos.maxFramePixels
        ),
        decoderThreads: max(1, ProcessInfo.processInfo.activeProcessorCount / configuration.jobs.workers)
      )
      handlers[CharacterMatchHandler.jobKind] = CharacterMatchHandler(repository: media.repository)
      handlers[ReferenceImageEmbeddingHandler.jobKind] = ReferenceImageEmbeddingHandler(
        repository: media.repository,
        files: media.files,
        analysis: clips,
        decoder: decoder
      )
    }
    if let portraits = engines.portraits {
      handlers[PortraitActions.jobKind] = PortraitJobHandler(
        service: portraits,
        store: portraitStore,
        loader: loader,
        decoder: decoder
      )
    }
    return JobWorkerPool(
      queue: queue,
      handler: JobKindRouter(handlers: handlers),
      configuration: configuration.jobs,
      logger: logger,
      executor: OffPoolExecutor(label: "loupe.jobs")
    )
  }
}
