import Logging
import ServiceLifecycle

/// Saves the collections' changed vector indexes at graceful shutdown, so the next start loads
/// the graphs instead of rebuilding them. Runs in the process that serves the collections.
public struct CollectionIndexSaver: Service {
  let collections: CollectionActions
  let logger: Logger

  public func run() async throws {
    try? await gracefulShutdown()
    await collections.indexes.saveAll(logger: logger)
  }
}
