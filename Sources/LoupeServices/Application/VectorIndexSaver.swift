import Logging
import ServiceLifecycle

/// Saves the vector graphs changed since they were last saved (collections' and the library's)
/// at graceful shutdown, so the next start loads them instead of rebuilding: a graph of 100,000
/// clips takes about 50 s to build. Runs in the process that serves them.
public struct VectorIndexSaver: Service, CustomStringConvertible {
  let collections: CollectionActions
  let library: LibraryActions
  let logger: Logger

  public func run() async throws {
    try? await gracefulShutdown()
    await collections.indexes.saveAll(logger: logger)
    await library.searcher.snapshots.saveIndexes(logger: logger)
  }
}

extension VectorIndexSaver {
  /// The name in ServiceLifecycle's logs, instead of a reflection of the whole value (as
  /// `JobWorkerPool.description` explains).
  public var description: String { "VectorIndexSaver" }
}
