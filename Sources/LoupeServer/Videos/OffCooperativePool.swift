import Dispatch

/// Runs long synchronous CPU work (seconds of image statistics) on a Dispatch thread, so Swift
/// concurrency's cooperative threads, one per core, stay free to serve requests meanwhile.
func offCooperativePool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
  }
}
