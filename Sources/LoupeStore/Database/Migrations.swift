import Foundation
import GRDB

extension LoupeDatabase {
  /// The store's own tables. Other modules own theirs (`LoupeJobs` the job tables) and migrate
  /// them through `migrate(_:)` with migrators of their own; identifiers never collide.
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
    migrator.registerMigration("v4: blob indexes by app and age") { database in
      // Each upload sums its app's blobs (the per-app cap); retention deletes by age.
      try database.create(index: "blob_by_app", on: "blob", columns: ["app_id"])
      try database.create(index: "blob_by_age", on: "blob", columns: ["created_at"])
    }
    migrator.registerMigration("v6: library projects and keys") { database in
      try database.create(table: "project") { table in
        table.primaryKey("id", .text)
        table.column("name", .text).notNull().unique()
        table.column("created_at", .datetime).notNull()
      }
      try database.create(table: "api_key") { table in
        table.primaryKey("id", .text)
        table.column("name", .text).notNull()
        table.column("secret_hash", .blob).notNull()
        table.column("read_only", .boolean).notNull()
        table.column("created_at", .datetime).notNull()
        table.column("expires_at", .datetime)
        table.column("revoked_at", .datetime)
      }
      try database.create(table: "api_key_project") { table in
        table.column("key_id", .text).notNull().references("api_key", onDelete: .cascade)
        table.column("project_id", .text).notNull().references("project", onDelete: .cascade)
        table.column("position", .integer).notNull()
        table.primaryKey(["key_id", "project_id"])
      }
    }
    migrator.registerMigration("v7: collections") { database in
      try database.create(table: "collection") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("project_id", .text).notNull().references("project", onDelete: .cascade)
        table.column("name", .text).notNull()
        table.column("schema", .text).notNull()
        table.column("created_at", .datetime).notNull()
        table.uniqueKey(["project_id", "name"])
      }
      try database.create(table: "collection_row") { table in
        table.column("collection_id", .integer).notNull().references("collection", onDelete: .cascade)
        table.column("row_id", .integer).notNull()
        table.column("key", .text).notNull()
        table.column("fields", .text).notNull()
        table.primaryKey(["collection_id", "row_id"])
        table.uniqueKey(["collection_id", "key"])
      }
      try database.create(table: "collection_vector") { table in
        table.column("collection_id", .integer).notNull()
        table.column("field", .text).notNull()
        table.column("row_id", .integer).notNull()
        table.column("vector", .blob).notNull()
        table.primaryKey(["collection_id", "field", "row_id"])
        table.foreignKey(
          ["collection_id", "row_id"],
          references: "collection_row",
          columns: ["collection_id", "row_id"],
          onDelete: .cascade
        )
      }
    }
    migrator.registerMigration("v8: collection generations") { database in
      // Bumped by every committed change to a collection's rows: a saved vector index names the
      // generation it reflects, so a stale file is rebuilt instead of trusted.
      try database.alter(table: "collection") { table in
        table.add(column: "generation", .integer).notNull().defaults(to: 0)
      }
    }
    migrator.registerMigration("v9: media library") { database in
      // Library ingests run on the job queue, whose jobs belong to an app: this reserved app owns
      // them. It is revoked from birth, so no request can ever authenticate as it.
      try database.execute(
        sql: "INSERT INTO app (id, name, token, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)",
        arguments: [
          LibraryMediaRepository.jobAppID, "media library ingests (internal)",
          UUID().uuidString + UUID().uuidString, Date(), Date(),
        ]
      )
      try database.alter(table: "project") { table in
        // Bumped by every committed change to the project's clips or reference images, so that
        // an in-memory search index knows when it is stale, whichever process wrote.
        table.add(column: "media_generation", .integer).notNull().defaults(to: 0)
      }
      try database.create(table: "library_upload") { table in
        table.primaryKey("object_key", .text)
        table.column("project_id", .text).notNull().references("project", onDelete: .cascade)
        table.column("kind", .text).notNull()
        table.column("file_name", .text).notNull()
        table.column("content_type", .text).notNull()
        table.column("size", .integer).notNull()
        table.column("created_at", .datetime).notNull()
        table.column("registered_at", .datetime)
      }
      try database.create(index: "library_upload_by_name", on: "library_upload", columns: ["project_id", "file_name"])
      try database.create(table: "library_video") { table in
        table.primaryKey("id", .text)
        table.column("project_id", .text).notNull().references("project", onDelete: .cascade)
        table.column("name", .text).notNull()
        table.column("season", .integer)
        table.column("episode", .integer)
        table.column("duration", .integer).notNull()
        table.column("width", .integer).notNull()
        table.column("height", .integer).notNull()
        table.column("status", .text).notNull()
        table.column("error", .text)
        table.column("object_key", .text).notNull()
        table.column("file_name", .text).notNull()
        table.column("content_type", .text).notNull()
        table.column("file_size", .integer).notNull()
        // `not_needed`, `pending`, `ready` or `failed`: the H.264/AAC rendition of a video a
        // browser cannot play.
        table.column("playback", .text).notNull().defaults(to: "not_needed")
        table.column("created_at", .datetime).notNull()
      }
      try database.create(
        index: "library_video_by_project",
        on: "library_video",
        columns: ["project_id", "created_at"]
      )
      try database.create(table: "library_clip") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("video_id", .text).notNull().references("library_video", onDelete: .cascade)
        table.column("project_id", .text).notNull()
        table.column("index", .integer).notNull()
        table.column("start_time", .double).notNull()
        table.column("end_time", .double).notNull()
        table.column("subtitle", .text)
        table.column("description", .text)
        table.column("tags", .text)
        table.column("ai_tags", .text)
        // Users' character ids (`PUT /v0/clips/{id}`), `NULL` until set, and the face matcher's.
        table.column("character_ids", .text)
        table.column("matched_character_ids", .text).notNull().defaults(to: "[]")
        table.column("shot_size", .text)
        table.column("scene_type", .text).notNull().defaults(to: "normal")
        table.column("faces", .blob)
        table.column("semantic", .blob)
        table.column("visual", .blob)
        table.column("created_at", .datetime).notNull()
        table.uniqueKey(["video_id", "index"])
      }
      try database.create(index: "library_clip_by_project", on: "library_clip", columns: ["project_id"])
      try database.create(table: "library_reference_image") { table in
        table.primaryKey("id", .text)
        table.column("project_id", .text).notNull().references("project", onDelete: .cascade)
        table.column("name", .text).notNull()
        table.column("category", .text)
        table.column("tags", .text).notNull()
        table.column("purpose", .text)
        table.column("license", .text).notNull()
        table.column("is_searchable", .boolean).notNull()
        table.column("mime_type", .text)
        table.column("file_size", .integer)
        table.column("embedding_status", .text).notNull()
        table.column("object_key", .text).notNull()
        table.column("visual", .blob)
        table.column("semantic", .blob)
        table.column("faces", .blob)
        table.column("created_at", .datetime).notNull()
      }
      try database.create(table: "library_character") { table in
        table.primaryKey("id", .text)
        table.column("project_id", .text).notNull().references("project", onDelete: .cascade)
        table.column("parent_id", .text).references("library_character", onDelete: .setNull)
        table.column("name", .text).notNull()
        table.column("name_en", .text)
        table.column("aliases", .text).notNull()
        table.column("description", .text)
        table.column("is_protagonist", .boolean).notNull()
        table.column("character_index", .integer).notNull()
        table.column("created_at", .datetime).notNull()
      }
      try database.create(table: "library_character_image") { table in
        table.column("character_id", .text).notNull().references("library_character", onDelete: .cascade)
        table.column("reference_image_id", .text).notNull().references("library_reference_image", onDelete: .cascade)
        table.column("role", .text).notNull()
        table.column("position", .integer).notNull()
        table.primaryKey(["character_id", "reference_image_id"])
      }
    }
    migrator.registerMigration("v10: drawn faces") { database in
      // AnimeFace's drawn faces, as the visual vectors of their crops: clips and reference images
      // ingested before have none, and are matched by their photographed faces as before.
      try database.alter(table: "library_clip") { table in table.add(column: "drawn_faces", .blob) }
      try database.alter(table: "library_reference_image") { table in table.add(column: "drawn_faces", .blob) }
    }
    migrator.registerMigration("v11: clip text generations") { database in
      // The project generation after which a clip's searchable fields last changed, so that a
      // search re-reads only the clips written since its snapshot. Triggers keep it, so no writer
      // can forget to: every write of a clip bumps the project's generation before it commits,
      // which the `+ 1` anticipates (a writer that bumped first makes the clip look changed one
      // generation longer, which only costs a re-read).
      try database.alter(table: "library_clip") { table in
        table.add(column: "text_generation", .integer).notNull().defaults(to: 0)
      }
      try database.create(
        index: "library_clip_by_text_generation",
        on: "library_clip",
        columns: ["project_id", "text_generation"]
      )
      let mark = """
        UPDATE library_clip SET text_generation =
          (SELECT media_generation FROM project WHERE id = NEW.project_id) + 1
        WHERE id = NEW.id;
        """
      try database.execute(
        sql: "CREATE TRIGGER library_clip_inserted AFTER INSERT ON library_clip BEGIN \(mark) END"
      )
      // Every column but the vectors, faces and `text_generation` itself (no recursion).
      try database.execute(
        sql: """
          CREATE TRIGGER library_clip_updated AFTER UPDATE OF
            video_id, project_id, "index", start_time, end_time, subtitle, description, tags, ai_tags,
            character_ids, matched_character_ids, shot_size, scene_type
          ON library_clip BEGIN \(mark) END
          """
      )
    }
    return migrator
  }
}
