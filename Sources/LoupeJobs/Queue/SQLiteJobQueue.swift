import Foundation
import GRDB
import LoupeStore

/// The embedded job queue: the `job`, `job_batch` and `job_app_turn` tables of Loupe's SQLite
/// store. Every operation is one write transaction, so a crash leaves each job either before or
/// after a step, never half-way. The queue owns its tables: creating it brings them to the
/// current schema (`JobSchema`), so the store below knows nothing of jobs.
public struct SQLiteJobQueue: JobQueue {
  let database: LoupeDatabase
  public let arrivals = JobArrivals()

  public init(database: LoupeDatabase) throws {
    self.database = database
    try database.migrate(JobSchema.migrator)
  }

  public func submit(_ job: NewJob, backlogLimit: Int?, now: Date) async throws -> Job {
    let stored = try await database.write { database in
      try Self.checkBacklog(of: job.appID, submitting: 1, limit: backlogLimit, in: database)
      return try Self.insert(job, batchID: nil, now: now, in: database)
    }
    arrivals.signal()
    return stored
  }

  public func submitBatch(
    _ jobs: [NewJob],
    appID: String,
    backlogLimit: Int?,
    now: Date
  ) async throws -> (batchID: Int64, jobs: [Job]) {
    precondition(!jobs.isEmpty, "a batch holds at least one job")
    let stored = try await database.write { database in
      try Self.checkBacklog(of: appID, submitting: jobs.count, limit: backlogLimit, in: database)
      try database.execute(sql: "INSERT INTO job_batch (app_id, created_at) VALUES (?, ?)", arguments: [appID, now])
      let batchID = database.lastInsertedRowID
      let inserted = try jobs.map { try Self.insert($0, batchID: batchID, now: now, in: database) }
      return (batchID, inserted)
    }
    arrivals.signal()
    return stored
  }

  public func job(id: Int64, appID: String) async throws -> Job? {
    try await database.read { database in
      try Job.fetchOne(database, sql: "SELECT * FROM job WHERE id = ? AND app_id = ?", arguments: [id, appID])
    }
  }

  public func batch(id: Int64, appID: String) async throws -> [Job]? {
    try await database.read { database in
      let exists =
        try Bool.fetchOne(
          database,
          sql: "SELECT EXISTS (SELECT 1 FROM job_batch WHERE id = ? AND app_id = ?)",
          arguments: [id, appID]
        ) ?? false
      guard exists else { return nil }
      return try Job.fetchAll(database, sql: "SELECT * FROM job WHERE batch_id = ? ORDER BY id", arguments: [id])
    }
  }

  /// Any app's job, for operators.
  public func job(id: Int64) async throws -> Job? {
    try await database.read { database in
      try Job.fetchOne(database, sql: "SELECT * FROM job WHERE id = ?", arguments: [id])
    }
  }

  /// The newest jobs of every app, for operators.
  public func recent(limit: Int) async throws -> [Job] {
    try await database.read { database in
      try Job.fetchAll(database, sql: "SELECT * FROM job ORDER BY id DESC LIMIT ?", arguments: [limit])
    }
  }

  public func claim(owner: String, leaseDuration: TimeInterval, maxAttempts: Int, now: Date) async throws -> Job? {
    try await database.write { database in
      while let appID = try String.fetchOne(database, sql: Self.nextApp, arguments: ["now": now]),
        let candidate = try Job.fetchOne(database, sql: Self.oldestRunnable, arguments: ["app": appID, "now": now])
      {
        if candidate.state == .running && candidate.attempts >= maxAttempts {
          try database.execute(
            sql: """
              UPDATE job SET state = \(failed), message = ?, finished_at = ?, lease_owner = NULL, lease_expires_at = NULL
              WHERE id = ?
              """,
            arguments: [JobMessage.interrupted(times: candidate.attempts), now, candidate.id]
          )
          continue
        }
        try database.execute(
          sql: """
            UPDATE job SET state = \(running), attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?,
              started_at = COALESCE(started_at, ?), message = ?, progress = 0
            WHERE id = ?
            """,
          arguments: [owner, now.addingTimeInterval(leaseDuration), now, JobMessage.started, candidate.id]
        )
        try database.execute(
          sql: "UPDATE job_app_turn SET served = (SELECT MAX(served) FROM job_app_turn) + 1 WHERE app_id = ?",
          arguments: [appID]
        )
        return try Job.fetchOne(database, sql: "SELECT * FROM job WHERE id = ?", arguments: [candidate.id])
      }
      return nil
    }
  }

  public func update(
    _ lease: JobLease,
    message: String?,
    progress: Double?,
    leaseExpiresAt: Date
  ) async throws
    -> Bool
  {
    try await fenced(
      lease,
      sql: """
        UPDATE job SET message = COALESCE(?, message), progress = COALESCE(?, progress), lease_expires_at = ?
        """,
      arguments: [message, progress, leaseExpiresAt]
    )
  }

  public func settle(_ lease: JobLease, _ outcome: JobOutcome, now: Date) async throws -> Bool {
    let clearLease = "lease_owner = NULL, lease_expires_at = NULL"
    switch outcome {
    case .succeeded(let result):
      return try await fenced(
        lease,
        sql:
          "UPDATE job SET state = \(succeeded), message = ?, progress = 1, result = ?, finished_at = ?, \(clearLease)",
        arguments: [JobMessage.success, result, now]
      )
    case .failed(let message):
      return try await fenced(
        lease,
        sql: "UPDATE job SET state = \(failed), message = ?, finished_at = ?, \(clearLease)",
        arguments: [message, now]
      )
    case .retry(let message, let runAfter):
      return try await fenced(
        lease,
        sql: "UPDATE job SET state = \(queued), message = ?, progress = 0, run_after = ?, \(clearLease)",
        arguments: [message, runAfter]
      )
    case .released(let message):
      return try await fenced(
        lease,
        sql:
          "UPDATE job SET state = \(queued), attempts = attempts - 1, message = ?, progress = 0, run_after = ?, \(clearLease)",
        arguments: [message, now]
      )
    }
  }

  public func expireLeases(now: Date) async throws -> Int {
    try await database.write { database in
      try database.execute(
        sql: "UPDATE job SET lease_expires_at = ?, message = ? WHERE state = \(running)",
        arguments: [now, JobMessage.requeuedAfterRestart]
      )
      return database.changesCount
    }
  }

  public func purge(finishedBefore cutoff: Date) async throws -> Int {
    try await database.write { database in
      try database.execute(
        sql: "DELETE FROM job WHERE batch_id IS NULL AND state IN (\(finished)) AND finished_at < ?",
        arguments: [cutoff]
      )
      let single = database.changesCount
      let expiredBatches = """
        SELECT id FROM job_batch WHERE NOT EXISTS (
          SELECT 1 FROM job WHERE job.batch_id = job_batch.id AND (state NOT IN (\(finished)) OR finished_at >= :cutoff))
        """
      let batched =
        try Int.fetchOne(
          database,
          sql: "SELECT COUNT(*) FROM job WHERE batch_id IN (\(expiredBatches))",
          arguments: ["cutoff": cutoff]
        )
        ?? 0
      try database.execute(sql: "DELETE FROM job_batch WHERE id IN (\(expiredBatches))", arguments: ["cutoff": cutoff])
      return single + batched
    }
  }

  private func fenced(_ lease: JobLease, sql: String, arguments: StatementArguments) async throws -> Bool {
    try await database.write { database in
      try database.execute(
        sql: sql + " WHERE id = ? AND state = \(running) AND lease_owner = ? AND attempts = ?",
        arguments: arguments + [lease.jobID, lease.owner, lease.attempt]
      )
      return database.changesCount == 1
    }
  }

  /// Of the apps with a runnable job, the one served least recently (`JobQueue.claim`). One
  /// index probe per app, through `job_by_app`; apps are few next to jobs.
  private static let nextApp = """
    SELECT app_id FROM job_app_turn AS turn
    WHERE EXISTS (SELECT 1 FROM job WHERE job.app_id = turn.app_id AND state = \(queued) AND run_after <= :now)
      OR EXISTS (SELECT 1 FROM job WHERE job.app_id = turn.app_id AND state = \(running) AND lease_expires_at <= :now)
    ORDER BY served, turn.rowid LIMIT 1
    """

  /// The app's oldest runnable job. Each state is its own `LIMIT 1` over `job_by_app`, read in
  /// index order, so the claim does not sort the app's whole backlog.
  private static let oldestRunnable = """
    SELECT * FROM (
      SELECT * FROM job WHERE app_id = :app AND state = \(queued) AND run_after <= :now ORDER BY run_after, id LIMIT 1)
    UNION ALL
    SELECT * FROM (
      SELECT * FROM job WHERE app_id = :app AND state = \(running) AND lease_expires_at <= :now
      ORDER BY run_after, id LIMIT 1)
    ORDER BY run_after, id LIMIT 1
    """

  /// Inside the submission's write transaction, so the count cannot change before the insert.
  private static func checkBacklog(of appID: String, submitting count: Int, limit: Int?, in database: Database) throws {
    guard let limit else { return }
    let unfinished =
      try Int.fetchOne(
        database,
        sql: "SELECT COUNT(*) FROM job WHERE app_id = ? AND state IN (\(queued), \(running))",
        arguments: [appID]
      ) ?? 0
    try JobBacklogFull.check(appID: appID, unfinished: unfinished, submitted: count, limit: limit)
  }

  private static func insert(_ job: NewJob, batchID: Int64?, now: Date, in database: Database) throws -> Job {
    try database.execute(
      sql: "INSERT INTO job_app_turn (app_id) VALUES (?) ON CONFLICT (app_id) DO NOTHING",
      arguments: [job.appID]
    )
    try database.execute(
      sql: """
        INSERT INTO job (app_id, batch_id, kind, action, object, request, state, message, created_at, run_after)
        VALUES (?, ?, ?, ?, ?, ?, \(queued), ?, ?, ?)
        """,
      arguments: [job.appID, batchID, job.kind, job.action, job.object, job.request, JobMessage.queued, now, now]
    )
    return job.queued(id: database.lastInsertedRowID, batchID: batchID, at: now)
  }
}

// The states as the `state` column stores them, for SQL text: PAI's numbers, from `JobState`.
private let queued = JobState.queued.rawValue
private let running = JobState.running.rawValue
private let succeeded = JobState.succeeded.rawValue
private let failed = JobState.failed.rawValue
private let finished = "\(succeeded), \(failed)"
