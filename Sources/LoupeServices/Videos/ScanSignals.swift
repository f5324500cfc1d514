import Synchronization

/// What a video scan running on its own thread shares with the job awaiting it: a cancellation
/// request one way, the fraction decoded the other.
final class ScanSignals: Sendable {
  private let cancelled = Atomic<Bool>(false)
  private let permille = Atomic<Int>(0)

  var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
  var progress: Double { Double(permille.load(ordering: .relaxed)) / 1000 }

  func cancel() { cancelled.store(true, ordering: .relaxed) }
  func report(_ fraction: Double) { permille.store(Int(fraction * 1000), ordering: .relaxed) }
}
