import Foundation
import Hummingbird
import LoupeServices
import LoupeStore

/// `/v0/characters` (the client's reads, and Loupe's writes: create, replace, delete, attach a
/// reference image) and `/v0/visual-assets` (list and resolve, with expiring download URLs).
struct LibraryCharacterRoutes {
  let media: LibraryActions
  let origin: PublicOrigin
  let maxJSONDepth: Int

  struct CharacterRequest: Decodable {
    var projectID: String?
    var name: String
    var nameEN: String?
    var aliases: [String]?
    var description: String?
    var isProtagonist: Bool?
    var parentID: String?

    enum CodingKeys: String, CodingKey {
      case name, aliases, description
      case projectID = "project_id"
      case nameEN = "name_en"
      case isProtagonist = "is_protagonist"
      case parentID = "parent_id"
    }

    var input: LibraryActions.CharacterInput {
      var input = LibraryActions.CharacterInput(name: name)
      input.nameEN = nameEN
      input.aliases = aliases ?? []
      input.description = description
      input.isProtagonist = isProtagonist ?? false
      input.parentID = parentID
      return input
    }
  }

  struct AttachRequest: Decodable {
    var referenceImageID: String
    var role: String?

    enum CodingKeys: String, CodingKey {
      case role
      case referenceImageID = "reference_image_id"
    }
  }

  struct ResolveRequest: Decodable {
    var projectID: String
    var visualAssetIDs: [String]

    enum CodingKeys: String, CodingKey {
      case projectID = "project_id"
      case visualAssetIDs = "visual_asset_ids"
    }
  }

  func add(to group: RouterGroup<KeyRequestContext>) {
    group.get("characters") { request, context in
      let project = try context.project(try query(request, "project_id"))
      let (page, pageSize) = try paging(request)
      let found = try await media.characters(projectID: project.id, page: page, pageSize: pageSize)
      return try KeyAPIResponse.json(
        CharacterListPayload(
          characters: try found.characters.map { try payload($0, request) },
          total: found.total,
          page: page,
          pageSize: pageSize
        )
      )
    }
    group.get("characters/:id") { request, context in
      let view = try await media.characterView(id: try context.parameters.require("id"), visibleTo: visible(context))
      return try KeyAPIResponse.json(try payload(view, request))
    }
    group.post("characters") { request, context in
      try context.requireWritable()
      let body = try JSONBody.decode(CharacterRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      guard let projectID = body.projectID else { throw KeyAPIError.validation("project_id is required") }
      let project = try context.project(projectID)
      let view = try await media.createCharacter(body.input, projectID: project.id)
      return try KeyAPIResponse.json(try payload(view, request), status: .created)
    }
    group.put("characters/:id") { request, context in
      try context.requireWritable()
      let body = try JSONBody.decode(CharacterRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      let view = try await media.updateCharacter(
        id: try context.parameters.require("id"),
        with: body.input,
        visibleTo: visible(context)
      )
      return try KeyAPIResponse.json(try payload(view, request))
    }
    group.delete("characters/:id") { _, context in
      try context.requireWritable()
      let id = try context.parameters.require("id")
      try await media.deleteCharacter(id: id, visibleTo: visible(context))
      return try KeyAPIResponse.json(DeletedPayload(id: id))
    }
    group.post("characters/:id/images") { request, context in
      try context.requireWritable()
      let body = try JSONBody.decode(AttachRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      guard let role = CharacterImageRecord.Role(rawValue: body.role ?? "reference") else {
        throw KeyAPIError.validation("role must be main or reference")
      }
      let view = try await media.attachImage(
        characterID: try context.parameters.require("id"),
        referenceImageID: body.referenceImageID,
        role: role,
        visibleTo: visible(context)
      )
      return try KeyAPIResponse.json(try payload(view, request))
    }
    group.get("visual-assets") { request, context in
      let project = try context.project(try query(request, "project_id"))
      let (page, pageSize) = try paging(request)
      var assets = try await media.visualAssets(projectID: project.id)
      if let source = request.uri.queryParameters["source_type"] {
        assets = assets.filter { $0.source.rawValue == source }
      }
      if let character = request.uri.queryParameters["character_id"] {
        assets = assets.filter { $0.character?.id == String(character) }
      }
      let start = (page - 1) * pageSize
      let slice = start < assets.count ? Array(assets[start..<min(assets.count, start + pageSize)]) : []
      return try KeyAPIResponse.json(
        VisualAssetListPayload(
          assets: try slice.map { try assetPayload($0, request) },
          total: assets.count,
          page: page,
          pageSize: pageSize
        )
      )
    }
    group.post("visual-assets/resolve") { request, context in
      let body = try JSONBody.decode(ResolveRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      let project = try context.project(body.projectID)
      guard body.visualAssetIDs.count <= 100 else { throw KeyAPIError.validation("at most 100 visual_asset_ids") }
      let byID = Dictionary(
        try await media.visualAssets(projectID: project.id).map { ($0.id, $0) },
        uniquingKeysWith: { first, _ in first }
      )
      let assets = try body.visualAssetIDs.map { id in
        guard let asset = byID[id] else { throw KeyAPIError.notFound("visual asset \(id)") }
        return try assetPayload(asset, request)
      }
      return try KeyAPIResponse.json(["assets": assets])
    }
  }

  private func payload(_ view: LibraryActions.CharacterView, _ request: Request) throws -> CharacterPayload {
    let images = try view.images.map { link in
      (
        link.role,
        CharacterImagePayload(
          visualAssetID: "char:\(view.record.id):\(link.referenceImageID)",
          downloadURL: try download(link.referenceImageID, projectID: view.record.projectID, request)
        )
      )
    }
    return CharacterPayload(
      view: view,
      mainImage: images.first { $0.0 == .main }?.1,
      referenceImages: images.filter { $0.0 == .reference }.map(\.1)
    )
  }

  private func assetPayload(_ asset: VisualAsset, _ request: Request) throws -> VisualAssetPayload {
    VisualAssetPayload(
      asset: asset,
      downloadURL: try download(asset.image.id, projectID: asset.image.projectID, request)
    )
  }

  private func download(_ imageID: String, projectID: String, _ request: Request) throws -> String {
    let signed = try media.mediaToken(.referenceImage, subject: imageID, projectID: projectID)
    return try origin.string(for: request) + "/v0/files/reference-image/" + signed.token
  }
}
