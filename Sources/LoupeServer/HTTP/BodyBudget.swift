import Synchronization

/// Bytes of request bodies held in memory at once, across all connections. Body limits bound
/// one request; this bounds their sum, so that many authenticated clients uploading at once
/// cannot together exhaust memory. A body that does not fit is refused as busy (503).
final class BodyBudget: Sendable {
  let capacity: Int
  private let used = Mutex(0)

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// Takes `bytes` from the budget; `false`, taking nothing, when they do not fit.
  func reserve(_ bytes: Int) -> Bool {
    used.withLock { used in
      guard used + bytes <= capacity else { return false }
      used += bytes
      return true
    }
  }

  func release(_ bytes: Int) {
    used.withLock { $0 -= bytes }
  }

  var inUse: Int { used.withLock { $0 } }
}
