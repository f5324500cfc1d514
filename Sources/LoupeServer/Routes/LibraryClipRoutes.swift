import Foundation
import Hummingbird
import LoupeAnalysis
import LoupeServices
import LoupeStore

/// `/v0/clips/{id}` (read and edit) and `POST /v0/search/clips` with Loupe's extensions
/// (docs/library.md).
struct LibraryClipRoutes {
  let media: LibraryActions
  let origin: PublicOrigin
  let maxJSONDepth: Int

  struct SearchRequest: Decodable {
    var projectID: String
    var query: String?
    var referenceImageIDs: [String]?
    var imageImportance: Double?
    var page: Int?
    var pageSize: Int?
    var image: String?
    var searchMode: String?
    var subtitleExactMatch: Bool?
    var includeCharacters: [String]?
    var objectSize: String?
    var sceneType: String?
    var videoIDs: [String]?
    var season: Int?

    enum CodingKeys: String, CodingKey {
      case query, page, image, season
      case projectID = "project_id"
      case referenceImageIDs = "reference_image_ids"
      case imageImportance = "image_importance"
      case pageSize = "page_size"
      case searchMode = "search_mode"
      case subtitleExactMatch = "subtitle_exact_match"
      case includeCharacters = "include_characters"
      case objectSize = "object_size"
      case sceneType = "scene_type"
      case videoIDs = "video_ids"
    }
  }

  /// `PUT /v0/clips/{id}`: an explicit `null` clears a field, an absent one is left alone.
  struct UpdateRequest: Decodable {
    var edit = LibraryActions.ClipEdit()

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      func optional(_ key: CodingKeys) throws -> String?? {
        guard container.contains(key) else { return nil }
        return .some(try container.decodeNil(forKey: key) ? nil : try container.decode(String.self, forKey: key))
      }
      edit.subtitle = try optional(.subtitle)
      edit.description = try optional(.description)
      if container.contains(.tags) {
        edit.tags =
          try container.decodeNil(forKey: .tags)
          ? .some(nil) : .some(try WireJSON.string(try container.decode([String: JSONValue].self, forKey: .tags)))
      }
      edit.characterIDs = try container.decodeIfPresent([String].self, forKey: .characterIDs)
    }

    enum CodingKeys: String, CodingKey {
      case subtitle, description, tags
      case characterIDs = "character_ids"
    }
  }

  func add(to group: RouterGroup<KeyRequestContext>) {
    group.get("clips/:id") { request, context in
      let clip = try await media.clip(id: try context.parameters.require("id"), visibleTo: visible(context))
      return try KeyAPIResponse.json(try await detail(clip, request))
    }
    group.put("clips/:id") { request, context in
      try context.requireWritable()
      let body = try JSONBody.decode(UpdateRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      let clip = try await media.update(
        clipID: try context.parameters.require("id"),
        with: body.edit,
        visibleTo: visible(context)
      )
      return try KeyAPIResponse.json(try await detail(clip, request))
    }
    group.post("search/clips") { request, context in
      let body = try JSONBody.decode(SearchRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      let project = try context.project(body.projectID)
      let query = try await searchQuery(body, projectID: project.id)
      let result = try await media.search(query)
      let videos = try await media.repository.videos(ids: Set(result.hits.map(\.clip.videoID)))
      let names = try await characterNames(project.id)
      let clips = try result.hits.map { hit in
        let video = videos[hit.clip.videoID]
        let labels = (ClipDetailPayload.object(hit.clip.aiTags)?.stringArray(forKey: "labels")) ?? []
        return ClipPayload(
          clipID: String(hit.clip.id ?? 0),
          videoID: hit.clip.videoID,
          projectID: hit.clip.projectID,
          startTime: hit.clip.startTime,
          endTime: hit.clip.endTime,
          subtitle: hit.clip.subtitle,
          similarity: (hit.similarity * 10_000).rounded() / 10_000,
          thumbnailURL: try thumbnailURL(hit.clip, request),
          episodeTitle: video?.name,
          season: video?.season,
          episode: video?.episode,
          tags: labels,
          characters: hit.clip.effectiveCharacterIDs.compactMap { names[$0] }
        )
      }
      return try KeyAPIResponse.json(
        SearchClipsPayload(
          clips: clips,
          totalAvailable: result.totalAvailable,
          ranking: result.ranking.rawValue,
          matchedCharacters: result.matchedCharacters.map { ["id": $0.id, "name": $0.name] },
          page: query.page,
          pageSize: query.pageSize
        )
      )
    }
  }

  private func searchQuery(_ body: SearchRequest, projectID: String) async throws -> ClipSearchQuery {
    var query = ClipSearchQuery(projectID: projectID)
    query.text = body.query
    query.referenceImageIDs = body.referenceImageIDs ?? []
    if let importance = body.imageImportance {
      guard (0...1).contains(importance) else { throw KeyAPIError.validation("image_importance must be 0…1") }
      query.imageImportance = importance
    }
    query.page = body.page ?? 1
    query.pageSize = body.pageSize ?? 20
    if let mode = body.searchMode {
      guard let parsed = ClipSearchQuery.Mode(rawValue: mode) else {
        throw KeyAPIError.validation("search_mode must be semantic, subtitle or keyword")
      }
      query.mode = parsed
    }
    query.subtitleExactMatch = body.subtitleExactMatch ?? false
    query.videoIDs = body.videoIDs
    query.season = body.season
    if let image = body.image {
      guard let bytes = Self.imageBytes(image) else {
        throw KeyAPIError.validation("image must be base64 or a data: URI")
      }
      query.screenshot = try await media.decodeScreenshot(bytes)
    }
    query.includeCharacters = body.includeCharacters ?? []
    if let size = body.objectSize {
      guard let parsed = ShotSize(rawValue: size.lowercased()) else {
        throw KeyAPIError.validation(
          "object_size must be one of \(ShotSize.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      query.objectSize = parsed
    }
    if let scene = body.sceneType {
      guard ["normal", "opening", "ending"].contains(scene.lowercased()) else {
        throw KeyAPIError.validation("scene_type must be normal, opening or ending")
      }
      query.sceneType = scene.lowercased()
    }
    let hasText = !(query.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    if query.mode != .semantic && !hasText {
      throw KeyAPIError.validation("search_mode \(query.mode.rawValue) needs a query")
    }
    return query
  }

  private static func imageBytes(_ text: String) -> Data? {
    var payload = Substring(text)
    if payload.hasPrefix("data:") {
      guard let comma = payload.firstIndex(of: ","), payload[..<comma].hasSuffix(";base64") else { return nil }
      payload = payload[payload.index(after: comma)...]
    }
    return Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters)
  }

  private func detail(_ clip: LibraryClip, _ request: Request) async throws -> ClipDetailPayload {
    let names = try await characterNames(clip.projectID)
    return ClipDetailPayload(
      clip: clip,
      characters: clip.effectiveCharacterIDs.compactMap { id in names[id].map { ["id": id, "name": $0] } },
      thumbnailURL: try thumbnailURL(clip, request)
    )
  }

  private func characterNames(_ projectID: String) async throws -> [String: String] {
    Dictionary(
      uniqueKeysWithValues: try await media.repository.characters(projectID: projectID).map { ($0.id, $0.name) }
    )
  }

  private func thumbnailURL(_ clip: LibraryClip, _ request: Request) throws -> String {
    let signed = try media.mediaToken(.thumbnail, subject: String(clip.id ?? 0), projectID: clip.projectID)
    return try origin.string(for: request) + "/v0/files/thumbnail/" + signed.token
  }
}

extension JSONValue {
  /// The strings of an array under `key` of an object.
  func stringArray(forKey key: String) -> [String]? {
    guard case .object(let object) = self, case .array(let items)? = object[key] else { return nil }
    return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
  }
}
