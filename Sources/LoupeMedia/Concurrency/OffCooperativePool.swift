/// The threads `offCooperativePool` runs on.
private let blockingWork = OffPoolExecutor(label: "loupe.blocking")

/// Runs long synchronous work (seconds of pixel arithmetic, a video decode, a wait for a child
/// process) on an `OffPoolExecutor` thread, so Swift concurrency's cooperative threads, one per
/// core, stay free to serve requests meanwhile. Every feature that blocks a thread for long
/// goes through this one function.
public func offCooperativePool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
  try await withTaskExecutorPreference(blockingWork) { try work() }
}

/// The non-throwing form, for work that cannot fail.
public func offCooperativePool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
  await withTaskExecutorPreference(blockingWork) { work() }
}
