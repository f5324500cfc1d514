import Foundation
import LoupeServices
import LoupeStore

/// `CharacterImage`.
struct CharacterImagePayload: Encodable {
  var visualAssetID: String?
  var downloadURL: String

  enum CodingKeys: String, CodingKey {
    case visualAssetID = "visual_asset_id"
    case downloadURL = "download_url"
  }
}

/// `Character`, as aimage-sdk's `types.py` reads it.
struct CharacterPayload: Encodable {
  var view: LibraryActions.CharacterView
  var mainImage: CharacterImagePayload?
  var referenceImages: [CharacterImagePayload]

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    let record = view.record
    try container.encode(record.id, forKey: .id)
    try container.encode(record.projectID, forKey: .projectID)
    try container.encode(record.parentID, forKey: .parentID)
    try container.encode(record.name, forKey: .name)
    try container.encode(record.nameEN, forKey: .nameEN)
    try container.encode(view.aliases, forKey: .aliases)
    try container.encode(view.description, forKey: .description)
    try container.encode(view.inherited, forKey: .inherited)
    try container.encode(record.isProtagonist, forKey: .isProtagonist)
    try container.encode(record.characterIndex, forKey: .characterIndex)
    try container.encode(mainImage, forKey: .mainImage)
    try container.encode(referenceImages, forKey: .referenceImages)
    try container.encode([String](), forKey: .conceptSettings)
    try container.encode(RFC3339Time.string(from: record.createdAt), forKey: .createdAt)
  }

  enum CodingKeys: String, CodingKey {
    case id, name, aliases, description, inherited
    case projectID = "project_id"
    case parentID = "parent_id"
    case nameEN = "name_en"
    case isProtagonist = "is_protagonist"
    case characterIndex = "character_index"
    case mainImage = "main_image"
    case referenceImages = "reference_images"
    case conceptSettings = "concept_settings"
    case createdAt = "created_at"
  }
}

struct CharacterListPayload: Encodable {
  var characters: [CharacterPayload]
  var total: Int
  var page: Int
  var pageSize: Int

  enum CodingKeys: String, CodingKey {
    case characters, total, page
    case pageSize = "page_size"
  }
}

/// `ResolvedVisualAsset`.
struct VisualAssetPayload: Encodable {
  var asset: VisualAsset
  var downloadURL: String

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    let image = asset.image
    let tags = (try? JSONDecoder().decode([String].self, from: Data(image.tags.utf8))) ?? []
    try container.encode(asset.id, forKey: .visualAssetID)
    try container.encode(image.projectID, forKey: .projectID)
    try container.encode(asset.source.rawValue, forKey: .sourceType)
    try container.encode(asset.character?.name ?? image.name, forKey: .displayName)
    try container.encode(asset.character?.description, forKey: .description)
    try container.encode(image.category, forKey: .category)
    try container.encode(image.purpose, forKey: .purpose)
    try container.encode(tags, forKey: .tags)
    try container.encode(tags.map { $0.lowercased() }, forKey: .tagKeys)
    try container.encode(asset.character?.id, forKey: .characterID)
    try container.encode(image.id, forKey: .resourceID)
    try container.encode(image.mimeType, forKey: .mimeType)
    try container.encode(["file_size": image.fileSize ?? 0], forKey: .metadata)
    try container.encode(downloadURL, forKey: .downloadURL)
  }

  enum CodingKeys: String, CodingKey {
    case description, category, purpose, tags, metadata
    case visualAssetID = "visual_asset_id"
    case projectID = "project_id"
    case sourceType = "source_type"
    case displayName = "display_name"
    case tagKeys = "tag_keys"
    case characterID = "character_id"
    case resourceID = "resource_id"
    case mimeType = "mime_type"
    case downloadURL = "download_url"
  }
}

struct VisualAssetListPayload: Encodable {
  var assets: [VisualAssetPayload]
  var total: Int
  var page: Int
  var pageSize: Int

  enum CodingKeys: String, CodingKey {
    case assets, total, page
    case pageSize = "page_size"
  }
}
