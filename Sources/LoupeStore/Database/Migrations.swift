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
    return migrator
  }
}
