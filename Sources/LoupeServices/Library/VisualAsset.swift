import LoupeStore

/// A picture of the project as `/v0/visual-assets` lists it: a project reference image, or a
/// reference image in a character's role. Ids are `ref:<image id>` and
/// `char:<character id>:<image id>`, stable as long as the attachment exists.
public struct VisualAsset: Sendable {
  public enum Source: String, Sendable {
    case projectReference = "project_reference"
    case characterMain = "character_main"
    case characterReference = "character_reference"
  }

  public var id: String
  public var source: Source
  public var image: ReferenceImageRecord
  public var character: CharacterRecord?
}

extension LibraryActions {
  /// Every visual asset of the project: its reference images, then each character's images.
  public func visualAssets(projectID: String) async throws -> [VisualAsset] {
    var assets: [VisualAsset] = []
    var images: [String: ReferenceImageRecord] = [:]
    var page = 1
    while true {
      let found = try await repository.referenceImages(projectID: projectID, page: page, pageSize: 500)
      for image in found.images {
        images[image.id] = image
        assets.append(VisualAsset(id: "ref:\(image.id)", source: .projectReference, image: image, character: nil))
      }
      if found.images.count < 500 { break }
      page += 1
    }
    let characters = try await repository.characters(projectID: projectID)
    let attached = try await repository.characterImages(of: characters.map(\.id))
    for character in characters {
      for link in attached[character.id] ?? [] {
        guard let image = images[link.referenceImageID] else { continue }
        assets.append(
          VisualAsset(
            id: "char:\(character.id):\(image.id)",
            source: link.role == .main ? .characterMain : .characterReference,
            image: image,
            character: character
          )
        )
      }
    }
    return assets
  }
}
