import Foundation
import Hummingbird
import LoupeServices
import LoupeStore

/// `/v0/videos` and `/v0/reference-images` uploads and records (aimage-sdk's `upload_video`,
/// `register_video`, `get_video`, `list_videos`, `get_video_media`, `delete_video`, and the
/// reference-image equivalents), plus Loupe's `POST /v0/videos/{id}/process`.
struct LibraryVideoRoutes {
  let media: LibraryActions
  let origin: PublicOrigin
  let maxJSONDepth: Int

  struct MintRequest: Decodable {
    var projectID: String
    var fileName: String
    var contentType: String

    enum CodingKeys: String, CodingKey {
      case projectID = "project_id"
      case fileName = "file_name"
      case contentType = "content_type"
    }
  }

  struct RegisterVideoRequest: Decodable {
    var projectID: String
    var name: String
    var fileName: String?
    var s3Key: String?
    var season: Int?
    var episode: Int?
    var autoProcess: Bool?

    enum CodingKeys: String, CodingKey {
      case name, season, episode
      case projectID = "project_id"
      case fileName = "file_name"
      case s3Key = "s3_key"
      case autoProcess = "auto_process"
    }
  }

  struct RegisterReferenceImageRequest: Decodable {
    var projectID: String
    var fileName: String?
    var s3Key: String?
    var name: String?
    var category: String?
    var tags: [String]?
    var purpose: String?
    var license: String?
    var isSearchable: Bool?

    enum CodingKeys: String, CodingKey {
      case name, category, tags, purpose, license
      case projectID = "project_id"
      case fileName = "file_name"
      case s3Key = "s3_key"
      case isSearchable = "is_searchable"
    }
  }

  func add(to group: RouterGroup<KeyRequestContext>) {
    for (path, kind) in [("videos", LibraryUpload.Kind.video), ("reference-images", .referenceImage)] {
      group.post("\(path)/upload-url") { request, context in
        try context.requireWritable()
        let body = try JSONBody.decode(MintRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
        let project = try context.project(body.projectID)
        let minted = try media.mintUpload(
          projectID: project.id,
          fileName: body.fileName,
          contentType: body.contentType,
          kind: kind
        )
        return try KeyAPIResponse.json(
          UploadURLPayload(
            uploadURL: try origin.string(for: request) + "/v0/uploads/" + minted.token,
            s3Key: minted.objectKey,
            expiresAt: RFC3339Time.string(from: minted.expiresAt)
          )
        )
      }
    }
    group.post("videos") { _, context in
      try context.requireWritable()
      let body = try JSONBody.decode(RegisterVideoRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      let project = try context.project(body.projectID)
      var registration = LibraryActions.VideoRegistration(projectID: project.id, name: body.name)
      registration.objectKey = body.s3Key
      registration.fileName = body.fileName
      registration.season = body.season
      registration.episode = body.episode
      registration.autoProcess = body.autoProcess ?? true
      return try KeyAPIResponse.json(VideoPayload(try await media.register(registration)), status: .created)
    }
    group.get("videos") { request, context in
      let project = try context.project(try query(request, "project_id"))
      let (page, pageSize) = try paging(request)
      var status: LibraryVideo.Status?
      if let value = request.uri.queryParameters["processing_status"] {
        guard let parsed = LibraryVideo.Status(rawValue: String(value)) else {
          throw KeyAPIError.validation("processing_status must be pending, queued, processing, completed or failed")
        }
        status = parsed
      }
      let order = request.uri.queryParameters["order"].map(String.init) ?? "desc"
      guard order == "asc" || order == "desc" else { throw KeyAPIError.validation("order must be asc or desc") }
      let found = try await media.repository.videos(
        projectID: project.id,
        status: status,
        ascending: order == "asc",
        page: page,
        pageSize: pageSize
      )
      return try KeyAPIResponse.json(
        VideoListPayload(
          videos: found.videos.map(VideoPayload.init),
          total: found.total,
          page: page,
          pageSize: pageSize
        )
      )
    }
    group.get("videos/:id") { _, context in
      try KeyAPIResponse.json(
        VideoPayload(try await media.video(id: try context.parameters.require("id"), visibleTo: visible(context)))
      )
    }
    group.post("videos/:id/process") { _, context in
      try context.requireWritable()
      return try KeyAPIResponse.json(
        VideoPayload(
          try await media.process(videoID: try context.parameters.require("id"), visibleTo: visible(context))
        )
      )
    }
    group.delete("videos/:id") { _, context in
      try context.requireWritable()
      let id = try context.parameters.require("id")
      try await media.deleteVideo(id: id, visibleTo: visible(context))
      return try KeyAPIResponse.json(DeletedPayload(id: id))
    }
    group.get("videos/:id/media") { request, context in
      let video = try await media.video(id: try context.parameters.require("id"), visibleTo: visible(context))
      let rendition = request.uri.queryParameters["rendition"].map(String.init) ?? "playback"
      guard rendition == "playback" || rendition == "original" else {
        throw KeyAPIError.validation("rendition must be playback or original")
      }
      // The playback rendition is the original when a browser can play it; otherwise the
      // ingest's H.264 copy once it is ready (the original until then, with its status).
      let transcoded = rendition == "playback" && video.playback == "ready"
      let signed = try media.mediaToken(transcoded ? .playback : .video, subject: video.id, projectID: video.projectID)
      return try KeyAPIResponse.json(
        VideoMediaPayload(
          videoID: video.id,
          rendition: rendition,
          url: try origin.string(for: request) + (transcoded ? "/v0/files/playback/" : "/v0/files/video/")
            + signed.token,
          expiresAt: RFC3339Time.string(from: signed.expiresAt),
          transcoded: transcoded,
          previewStatus: rendition == "playback" ? video.playback : nil
        )
      )
    }

    group.post("reference-images") { _, context in
      try context.requireWritable()
      let body = try JSONBody.decode(RegisterReferenceImageRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      let project = try context.project(body.projectID)
      var registration = LibraryActions.ReferenceImageRegistration(projectID: project.id)
      registration.objectKey = body.s3Key
      registration.fileName = body.fileName
      registration.name = body.name
      registration.category = body.category
      registration.tags = body.tags ?? []
      registration.purpose = body.purpose
      registration.license = body.license ?? "unknown"
      registration.isSearchable = body.isSearchable ?? true
      return try KeyAPIResponse.json(
        ReferenceImagePayload(image: try await media.register(registration)),
        status: .created
      )
    }
    group.get("reference-images") { request, context in
      let project = try context.project(try query(request, "project_id"))
      let (page, pageSize) = try paging(request)
      let found = try await media.repository.referenceImages(projectID: project.id, page: page, pageSize: pageSize)
      return try KeyAPIResponse.json(
        ReferenceImageListPayload(
          referenceImages: found.images.map { ReferenceImagePayload(image: $0) },
          total: found.total,
          page: page,
          pageSize: pageSize
        )
      )
    }
    group.get("reference-images/:id") { _, context in
      try KeyAPIResponse.json(
        ReferenceImagePayload(
          image: try await media.referenceImage(id: try context.parameters.require("id"), visibleTo: visible(context))
        )
      )
    }
    group.delete("reference-images/:id") { _, context in
      try context.requireWritable()
      let id = try context.parameters.require("id")
      try await media.deleteReferenceImage(id: id, visibleTo: visible(context))
      return try KeyAPIResponse.json(DeletedPayload(id: id))
    }
  }
}

/// The ids of the projects a key may see.
func visible(_ context: KeyRequestContext) -> Set<String> {
  Set(context.grant.projects.map(\.id))
}

/// A required query parameter.
func query(_ request: Request, _ name: String) throws -> String {
  guard let value = request.uri.queryParameters[Substring(name)], !value.isEmpty else {
    throw KeyAPIError.validation("\(name) is required")
  }
  return String(value)
}

/// `page` (from 1) and `page_size` (1…100, default 20) of a list request.
func paging(_ request: Request) throws -> (page: Int, pageSize: Int) {
  let page = try request.uri.queryParameters["page"].map { try integer($0, "page") } ?? 1
  let pageSize = try request.uri.queryParameters["page_size"].map { try integer($0, "page_size") } ?? 20
  guard page >= 1 else { throw KeyAPIError.validation("page must be ≥ 1") }
  guard (1...100).contains(pageSize) else { throw KeyAPIError.validation("page_size must be 1…100") }
  return (page, pageSize)
}

private func integer(_ text: Substring, _ name: String) throws -> Int {
  guard let value = Int(text) else { throw KeyAPIError.validation("\(name) must be an integer") }
  return value
}
