import GRDB

/// The `job` and `job_batch` tables, owned by this module: `SQLiteJobQueue` migrates them
/// itself, so the store below registers no job schema and a second queue implementation
/// (PostgreSQL) copies nothing from it. The migration keeps the identifier it was first shipped
/// under, so existing data directories see it as applied.
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
    return migrator
  }
}
