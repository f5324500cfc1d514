internal import COpenVINO
import Synchronization

/// Bridges one infer request's completion callback to `async`: the caller awaits without
/// holding a thread while OpenVINO's own threads run the model. Unchecked: `callback` is written
/// only during `init`; afterwards only OpenVINO reads it, and `waiting` is behind a mutex.
final class InferenceCompletion: @unchecked Sendable {
  private let waiting = Mutex<CheckedContinuation<Int32, Never>?>(nil)
  /// Heap-allocated so the pointer given to OpenVINO stays valid for the request's lifetime.
  private let callback: UnsafeMutablePointer<ov_callback_t>

  init(request: OpaquePointer) throws {
    callback = .allocate(capacity: 1)
    callback.initialize(
      to: ov_callback_t(
        callback_func: { context in
          guard let context else { return }
          Unmanaged<InferenceCompletion>.fromOpaque(context).takeUnretainedValue().finish(status: OK.rawValue)
        },
        args: nil
      )
    )
    callback.pointee.args = Unmanaged.passUnretained(self).toOpaque()
    do {
      try check(ov_infer_request_set_callback(request, callback), "setting the completion callback")
    } catch {
      callback.deallocate()
      throw error
    }
  }

  deinit {
    callback.deallocate()
  }

  /// Calls `start` and suspends until the request completes or `start` fails.
  func run(_ start: () -> ov_status_e) async -> ov_status_e {
    let status = await withCheckedContinuation { continuation in
      waiting.withLock { $0 = continuation }
      let started = start()
      if started != OK { finish(status: started.rawValue) }
    }
    return ov_status_e(rawValue: status)
  }

  private func finish(status: Int32) {
    waiting.withLock { $0.take() }?.resume(returning: status)
  }
}
