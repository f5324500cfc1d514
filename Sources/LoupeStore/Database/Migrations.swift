import GRDB

extension LoupeDatabase {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: apps, usage, blobs") { database in
      try database.create(table: "app") { table in
        table.primaryKey("id", .text)
        table.column("name", .text).notNull()
        table.column("token", .text).notNull()
        table.column("daily_quota", .integer)
        table.column("created_at", .datetime).notNull()
        table.column("revoked_at", .datetime)
      }
      try database.create(table: "app_usage") { table in
        table.column("app_id", .text).notNull().references("app", onDelete: .cascade)
        table.column("day", .text).notNull()
        table.column("requests", .integer).notNull()
        table.primaryKey(["app_id", "day"])
      }
      try database.create(table: "blob") { table in
        table.column("id", .text).notNull()
        table.column("app_id", .text).notNull().references("app", onDelete: .cascade)
        table.column("size", .integer).notNull()
        table.column("created_at", .datetime).notNull()
        table.primaryKey(["id", "app_id"])
      }
    }
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
    migrator.registerMigration("v3: portrait identities") { database in
      try database.create(table: "portrait_model") { table in
        table.primaryKey("id", .text)
        table.column("app_id", .text).notNull().references("app", onDelete: .cascade)
        table.column("state", .text).notNull()
        table.column("job_id", .integer)
        table.column("created_at", .datetime).notNull()
        table.column("updated_at", .datetime).notNull()
      }
    }
    return migrator
  }
}
