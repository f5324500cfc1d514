import Dispatch

/// A task executor on Dispatch threads outside Swift's cooperative pool, which has one thread
/// per core and would otherwise be blocked by seconds of decoding and pixel arithmetic. Async
/// work that mixes model calls with synchronous pixel work runs under it
/// (`withTaskExecutorPreference`): the analysis gate's admitted analyses, and tests that analyse
/// many photos beside the rest of the suite.
public final class OffPoolExecutor: TaskExecutor {
  private static let marker = DispatchSpecificKey<Bool>()
  private let queue: DispatchQueue

  public init(label: String) {
    queue = DispatchQueue(label: label, qos: .userInitiated, attributes: .concurrent)
    queue.setSpecific(key: Self.marker, value: true)
  }

  /// Whether the calling code runs on the threads of an `OffPoolExecutor`.
  public static var isCurrent: Bool { DispatchQueue.getSpecific(key: marker) ?? false }

  public func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
