import Dispatch

/// The task executor admitted analyses run on (`AnalysisGate`): Dispatch threads outside Swift's
/// cooperative pool, which has one thread per core and would otherwise be blocked by seconds of
/// decoding and pixel arithmetic. The gate bounds how many analyses, and so roughly how many of
/// these threads, are busy at once.
final class AnalysisExecutor: TaskExecutor {
  private static let marker = DispatchSpecificKey<Bool>()
  private let queue = DispatchQueue(label: "loupe.analysis", qos: .userInitiated, attributes: .concurrent)

  init() {
    queue.setSpecific(key: Self.marker, value: true)
  }

  /// Whether the calling code runs on an analysis thread.
  static var isCurrent: Bool { DispatchQueue.getSpecific(key: marker) ?? false }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
