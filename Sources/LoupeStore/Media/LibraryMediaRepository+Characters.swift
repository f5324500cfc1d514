import Foundation
import GRDB

extension LibraryMediaRepository {
  /// Stores a new character; its index is the project's next.
  public func insert(_ character: CharacterRecord) async throws -> CharacterRecord {
    try await database.pool.write { database in
      var character = character
      character.characterIndex =
        try Int.fetchOne(
          database,
          sql: "SELECT COALESCE(MAX(character_index) + 1, 0) FROM library_character WHERE project_id = ?",
          arguments: [character.projectID]
        ) ?? 0
      try character.insert(database)
      return character
    }
  }

  public func update(_ character: CharacterRecord) async throws {
    try await database.pool.write { database in
      try character.update(database)
      try Self.bump(project: character.projectID, in: database)
    }
  }

  public func character(id: String) async throws -> CharacterRecord? {
    try await database.pool.read { try CharacterRecord.fetchOne($0, key: id) }
  }

  /// Every character of the project, by index.
  public func characters(projectID: String) async throws -> [CharacterRecord] {
    try await database.pool.read {
      try CharacterRecord.filter(Column("project_id") == projectID).order(Column("character_index")).fetchAll($0)
    }
  }

  /// Deletes the character; its variants lose their parent, clips lose it at the next match.
  public func deleteCharacter(id: String) async throws -> CharacterRecord? {
    try await database.pool.write { database in
      guard let character = try CharacterRecord.fetchOne(database, key: id) else { return nil }
      try character.delete(database)
      try Self.bump(project: character.projectID, in: database)
      return character
    }
  }

  /// Attaches a reference image; a new `main` image demotes the previous one to `reference`.
  public func attach(_ image: CharacterImageRecord) async throws {
    try await database.pool.write { database in
      if image.role == .main {
        try database.execute(
          sql: "UPDATE library_character_image SET role = 'reference' WHERE character_id = ? AND role = 'main'",
          arguments: [image.characterID]
        )
      }
      var image = image
      image.position =
        try Int.fetchOne(
          database,
          sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM library_character_image WHERE character_id = ?",
          arguments: [image.characterID]
        ) ?? 0
      try image.save(database)
    }
  }

  /// The images of the given characters, by character, in attachment order.
  public func characterImages(of ids: [String]) async throws -> [String: [CharacterImageRecord]] {
    try await database.pool.read { database in
      Dictionary(
        grouping: try CharacterImageRecord.filter(ids.contains(Column("character_id"))).order(Column("position"))
          .fetchAll(database),
        by: \.characterID
      )
    }
  }

  /// The face vectors of each character's ready reference images, for face matching.
  public func characterFaces(projectID: String) async throws -> [String: FaceVectors] {
    try await database.pool.read { database in
      let rows = try Row.fetchAll(
        database,
        sql: """
          SELECT library_character_image.character_id AS character_id, library_reference_image.faces AS faces,
            library_reference_image.drawn_faces AS drawn_faces
          FROM library_character_image
          JOIN library_reference_image ON library_reference_image.id = library_character_image.reference_image_id
          JOIN library_character ON library_character.id = library_character_image.character_id
          WHERE library_character.project_id = ?
            AND (library_reference_image.faces IS NOT NULL OR library_reference_image.drawn_faces IS NOT NULL)
          """,
        arguments: [projectID]
      )
      var faces: [String: FaceVectors] = [:]
      for row in rows {
        let id: String = row["character_id"]
        faces[id, default: FaceVectors()].photographed += FaceVectors.split(
          row["faces"],
          dimension: FaceVectors.photographedDimension
        )
        faces[id, default: FaceVectors()].drawn += FaceVectors.split(
          row["drawn_faces"],
          dimension: FaceVectors.drawnDimension
        )
      }
      return faces
    }
  }

  /// Every clip of the project that has faces of either kind, with them.
  public func clipFaces(projectID: String) async throws -> [(id: Int64, faces: FaceVectors)] {
    try await database.pool.read { database in
      try Row.fetchAll(
        database,
        sql: """
          SELECT id, faces, drawn_faces FROM library_clip
          WHERE project_id = ? AND (faces IS NOT NULL OR drawn_faces IS NOT NULL)
          """,
        arguments: [projectID]
      ).map { row in
        (
          row["id"],
          FaceVectors(
            photographed: FaceVectors.split(row["faces"], dimension: FaceVectors.photographedDimension),
            drawn: FaceVectors.split(row["drawn_faces"], dimension: FaceVectors.drawnDimension)
          )
        )
      }
    }
  }

  /// Replaces the matcher's characters of the project's clips: `matches` for the clips it names,
  /// none for the others.
  public func setMatchedCharacters(_ matches: [Int64: [String]], projectID: String) async throws {
    try await database.pool.write { database in
      try database.execute(
        sql:
          "UPDATE library_clip SET matched_character_ids = '[]' WHERE project_id = ? AND matched_character_ids != '[]'",
        arguments: [projectID]
      )
      for (id, characters) in matches where !characters.isEmpty {
        try database.execute(
          sql: "UPDATE library_clip SET matched_character_ids = ? WHERE id = ? AND project_id = ?",
          arguments: [String(decoding: try JSONEncoder().encode(characters), as: UTF8.self), id, projectID]
        )
      }
      try Self.bump(project: projectID, in: database)
    }
  }
}
