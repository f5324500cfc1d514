import Dispatch

/// Runs long synchronous CPU work (seconds of pixel arithmetic, a video decode) on a Dispatch
/// thread, so Swift concurrency's cooperative threads, one per core, stay free to serve requests
/// meanwhile. Every feature that blocks a thread for long goes through this one function.
public func offCooperativePool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
  }
}

/// The non-throwing form, for work that cannot fail.
public func offCooperativePool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
  await withCheckedContinuation { continuation in
    DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
  }
}
