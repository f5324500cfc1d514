import Foundation
import GRDB

/// A character of a project (seed 000): a name, aliases in any language, and reference images
/// whose faces identify it on clips. A variant (an outfit, an age, a form) names its `parentID`
/// and shows its ancestors' aliases and description where it has none of its own.
public struct CharacterRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "library_character"

  public var id: String
  public var projectID: String
  public var parentID: String?
  public var name: String
  public var nameEN: String?
  /// A JSON array of strings.
  public var aliases: String
  public var description: String?
  public var isProtagonist: Bool
  /// Order within the project, from 0, as created.
  public var characterIndex: Int
  public var createdAt: Date

  public init(
    id: String,
    projectID: String,
    parentID: String?,
    name: String,
    nameEN: String?,
    aliases: [String],
    description: String?,
    isProtagonist: Bool,
    characterIndex: Int,
    createdAt: Date
  ) {
    self.id = id
    self.projectID = projectID
    self.parentID = parentID
    self.name = name
    self.nameEN = nameEN
    self.aliases = (try? String(decoding: JSONEncoder().encode(aliases), as: UTF8.self)) ?? "[]"
    self.description = description
    self.isProtagonist = isProtagonist
    self.characterIndex = characterIndex
    self.createdAt = createdAt
  }

  public var aliasList: [String] {
    get { (try? JSONDecoder().decode([String].self, from: Data(aliases.utf8))) ?? [] }
    set { aliases = (try? String(decoding: JSONEncoder().encode(newValue), as: UTF8.self)) ?? "[]" }
  }

  enum CodingKeys: String, CodingKey {
    case id, name, aliases, description
    case projectID = "project_id"
    case parentID = "parent_id"
    case nameEN = "name_en"
    case isProtagonist = "is_protagonist"
    case characterIndex = "character_index"
    case createdAt = "created_at"
  }
}

/// A reference image attached to a character: its `main` picture or one more `reference`.
public struct CharacterImageRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "library_character_image"

  public enum Role: String, Codable, Sendable {
    case main, reference
  }

  public var characterID: String
  public var referenceImageID: String
  public var role: Role
  public var position: Int

  public init(characterID: String, referenceImageID: String, role: Role, position: Int) {
    self.characterID = characterID
    self.referenceImageID = referenceImageID
    self.role = role
    self.position = position
  }

  enum CodingKeys: String, CodingKey {
    case role, position
    case characterID = "character_id"
    case referenceImageID = "reference_image_id"
  }
}
