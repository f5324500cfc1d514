import Foundation
import Logging
import LoupeStore
import ServiceLifecycle

/// Deletes blob claims older than the retention period, at start and then every `interval`,
/// beside the job workers (the process that owns the data directory's files). A failed purge is
/// logged and tried again next time; it never stops the server.
public struct BlobRetention: Service, CustomStringConvertible {
  let blobs: BlobStore
  let retention: TimeInterval
  let interval: Duration
  let logger: Logger

  public func run() async throws {
    await cancelWhenGracefulShutdown {
      while !Task.isCancelled {
        do {
          let removed = try await blobs.purge(createdBefore: Date().addingTimeInterval(-retention))
          if removed > 0 { logger.info("removed blobs past their retention", metadata: ["count": "\(removed)"]) }
        } catch {
          logger.error("blob retention failed", metadata: ["error": "\(error)"])
        }
        try? await Task.sleep(for: interval)
      }
    }
  }
}

extension BlobRetention {
  /// The name in ServiceLifecycle's logs, instead of a reflection of the whole value (as
  /// `JobWorkerPool.description` explains).
  public var description: String { "BlobRetention" }
}
