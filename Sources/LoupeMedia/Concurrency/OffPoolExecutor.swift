import Foundation

/// A task executor on threads of its own, outside Swift's cooperative pool (one thread per
/// core), which seconds of decoding and pixel arithmetic or a blocking wait would otherwise
/// hold. Async work that mixes model calls with synchronous work runs under it
/// (`withTaskExecutorPreference`): the analysis gate's admitted analyses, job handlers, and
/// tests that analyse many photos beside the rest of the suite.
///
/// Threads are started on demand, up to `maxThreads`, and end after `idleTimeout` without
/// work, so an executor made for one test leaves nothing behind. Not Dispatch's global queues:
/// on Linux their width is capped near the core count, so a few blocked waits (a child
/// process, a lock) stalled every other user of the same queue.
public final class OffPoolExecutor: TaskExecutor, @unchecked Sendable {
  private static let marker = "loupe.off-pool-executor"
  private static let idleTimeout: TimeInterval = 10

  private let label: String
  private let maxThreads: Int
  /// Guards everything below.
  private let condition = NSCondition()
  private var jobs: [UnownedJob] = []
  private var head = 0
  private var threads = 0
  /// Threads blocked waiting for work (woken or not yet).
  private var waiting = 0

  public init(label: String, maxThreads: Int = 64) {
    self.label = label
    self.maxThreads = max(1, maxThreads)
  }

  /// Whether the calling code runs on the threads of an `OffPoolExecutor`.
  public static var isCurrent: Bool { Thread.current.threadDictionary[marker] as? Bool ?? false }

  public func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    condition.lock()
    jobs.append(job)
    // A new thread whenever queued jobs outnumber the waiting threads. Counting a signalled but
    // not yet awake thread as free for every job enqueued meanwhile left a job queued behind
    // one that blocked waiting for it.
    let starts = jobs.count - head > waiting && threads < maxThreads
    if starts { threads += 1 }
    condition.signal()
    condition.unlock()
    if starts {
      let thread = Thread { self.work() }
      thread.name = label
      thread.start()
    }
  }

  private func work() {
    Thread.current.threadDictionary[Self.marker] = true
    condition.lock()
    while true {
      while head == jobs.count {
        waiting += 1
        let signalled = condition.wait(until: Date(timeIntervalSinceNow: Self.idleTimeout))
        waiting -= 1
        if !signalled && head == jobs.count {
          threads -= 1
          condition.unlock()
          return
        }
      }
      let job = jobs[head]
      head += 1
      if head == jobs.count {
        jobs.removeAll(keepingCapacity: true)
        head = 0
      }
      condition.unlock()
      job.runSynchronously(on: asUnownedTaskExecutor())
      condition.lock()
    }
  }
}
