import Logging
import ServiceLifecycle

/// Runs `service` in a service group while `body` runs, then shuts it down gracefully, also when
/// `body` throws.
public func runUntilDone(
  _ service: some Service,
  logger: Logger,
  _ body: @escaping () async throws -> Void
) async throws {
  let group = ServiceGroup(services: [service], logger: logger)
  try await withThrowingTaskGroup(of: Void.self) { tasks in
    tasks.addTask { try await group.run() }
    do {
      try await body()
    } catch {
      await group.triggerGracefulShutdown()
      throw error
    }
    await group.triggerGracefulShutdown()
    try await tasks.waitForAll()
  }
}
