import GRDB

/// The `job`, `job_batch` and `job_app_turn` tables, owned by this module: `SQLiteJobQueue` migrates them
/// itself, so the store below registers no job schema and a second queue implementation
/// (PostgreSQL) copies nothing from it. Migrations keep the identifiers they were first shipped
/// under, so existing data directories see them as applied; a change is a new migration. The
/// numbers are shared with the store's own migrations (`LoupeDatabase.migrator`), as all of them
/// are recorded in the same table.
enum JobSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v2: jobs and batches") { database in
      try database.create(table: "job_batch") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("app_id", .text).notNull().references("app", onDelete: .cascade)
        table.column("created_at", .datetime).notNull()
      }
      try database.create(table: "job") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("app_id", .text).notNull().references("app", onDelete: .cascade)
        table.column("batch_id", .integer).references("job_batch", onDelete: .cascade)
        table.column("kind", .text).notNull()
        table.column("action", .text).notNull()
        table.column("object", .text).notNull()
        table.column("request", .text).notNull()
        table.column("state", .integer).notNull()
        table.column("message", .text).notNull()
        table.column("progress", .double).notNull().defaults(to: 0)
        table.column("result", .text).notNull().defaults(to: "")
        table.column("attempts", .integer).notNull().defaults(to: 0)
        table.column("created_at", .datetime).notNull()
        table.column("run_after", .datetime).notNull()
        table.column("started_at", .datetime)
        table.column("finished_at", .datetime)
        table.column("lease_owner", .text)
        table.column("lease_expires_at", .datetime)
      }
      try database.create(index: "job_by_state", on: "job", columns: ["state", "run_after"])
      try database.create(index: "job_by_batch", on: "job", columns: ["batch_id"])
      try database.create(index: "job_by_finish", on: "job", columns: ["finished_at"])
    }
    migrator.registerMigration("v5: fair claims across apps") { database in
      // Whose turn it is (`JobQueue.claim`): a row per app that has submitted a job, with the
      // number of the claim that last served it (0: never). The rowid keeps the order in which
      // apps first submitted, which orders the apps never served.
      try database.create(table: "job_app_turn") { table in
        table.primaryKey("app_id", .text).references("app", onDelete: .cascade)
        table.column("served", .integer).notNull().defaults(to: 0)
      }
      try database.execute(
        sql: "INSERT INTO job_app_turn (app_id) SELECT app_id FROM job GROUP BY app_id ORDER BY MIN(id)"
      )
      // A claim finds each app's oldest due job, and a submission counts the app's unfinished
      // jobs, through this index alone, whatever the size of the table.
      try database.create(index: "job_by_app", on: "job", columns: ["app_id", "state", "run_after"])
    }
    return migrator
  }
}
