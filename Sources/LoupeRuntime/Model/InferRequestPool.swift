internal import COpenVINO
import Synchronization

/// A fixed set of infer requests. One request serves one caller at a time, so callers borrow
/// one and wait (without blocking a thread) while all are busy.
final class InferRequestPool: Sendable {
  private struct State {
    var idle: [Request]
    var waiters: [CheckedContinuation<Request, Never>] = []
  }

  /// An `ov_infer_request_t*`, owned by the pool, with its completion bridge.
  struct Request: @unchecked Sendable {
    let handle: OpaquePointer
    let completion: InferenceCompletion
  }

  private let state: Mutex<State>
  private let all: [Request]

  init(compiledModel: OpaquePointer, count: Int) throws {
    var requests: [Request] = []
    do {
      for _ in 0..<count {
        var request: OpaquePointer?
        try check(ov_compiled_model_create_infer_request(compiledModel, &request), "infer request creation")
        // An empty pool would leave every caller waiting forever, so a missing request is an error.
        guard let request else {
          throw RuntimeError.openVINO(operation: "infer request creation", status: -1, message: "no request returned")
        }
        do {
          requests.append(Request(handle: request, completion: try InferenceCompletion(request: request)))
        } catch {
          ov_infer_request_free(request)
          throw error
        }
      }
    } catch {
      requests.forEach { ov_infer_request_free($0.handle) }
      throw error
    }
    all = requests
    state = Mutex(State(idle: requests))
  }

  deinit {
    all.forEach { ov_infer_request_free($0.handle) }
  }

  func withRequest<R>(_ body: (Request) async throws -> R) async rethrows -> R {
    let request = await borrow()
    defer { giveBack(request) }
    return try await body(request)
  }

  private func borrow() async -> Request {
    if let request = state.withLock({ $0.idle.popLast() }) { return request }
    return await withCheckedContinuation { continuation in
      let request: Request? = state.withLock { state in
        if let request = state.idle.popLast() { return request }
        state.waiters.append(continuation)
        return nil
      }
      if let request { continuation.resume(returning: request) }
    }
  }

  private func giveBack(_ request: Request) {
    let waiter: CheckedContinuation<Request, Never>? = state.withLock { state in
      if state.waiters.isEmpty {
        state.idle.append(request)
        return nil
      }
      return state.waiters.removeFirst()
    }
    waiter?.resume(returning: request)
  }
}
