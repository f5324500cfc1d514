import Foundation
import LoupeJobs
import LoupeMedia
import LoupeStore

/// The media library's application actions, behind `/v0`: signed uploads, videos and their
/// ingest jobs, clips, search and reference images. Callers pass the project ids the key may
/// see; a record of any other project is answered as missing.
public struct LibraryActions: Sendable {
  public let repository: LibraryMediaRepository
  public let files: LibraryFiles
  public let settings: LibrarySettings
  let signer: TokenSigner
  let queue: any JobQueue
  let analysis: (any ClipAnalysisService)?
  let searcher: ClipSearcher
  let decoder: ImageDecoder

  /// Content types an upload URL is minted for.
  static let videoTypes: Set<String> = [
    "video/mp4", "video/quicktime", "video/x-matroska", "video/webm", "video/x-msvideo", "video/mpeg",
    "video/mp2t", "video/x-m4v", "video/ogg", "application/octet-stream",
  ]
  static let imageTypes: Set<String> = [
    "image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "image/tiff",
  ]

  init(
    database: LoupeDatabase,
    dataDirectory: URL,
    indexDirectory: URL?,
    settings: LibrarySettings,
    queue: any JobQueue,
    analysis: (any ClipAnalysisService)?,
    decoder: ImageDecoder
  ) throws {
    let repository = LibraryMediaRepository(database: database)
    self.repository = repository
    files = try LibraryFiles(dataDirectory: dataDirectory)
    signer = try TokenSigner(dataDirectory: dataDirectory)
    self.settings = settings
    self.queue = queue
    self.analysis = analysis
    searcher = ClipSearcher(
      snapshots: ProjectSnapshots(repository: repository, indexDirectory: indexDirectory),
      analysis: analysis
    )
    self.decoder = decoder
  }

  // MARK: Uploads

  /// A signed upload URL's token for one file of `kind` in `projectID`.
  public func mintUpload(
    projectID: String,
    fileName: String,
    contentType: String,
    kind: LibraryUpload.Kind,
    now: Date = Date()
  ) throws -> (token: String, objectKey: String, expiresAt: Date) {
    let name = try Self.validFileName(fileName)
    let type = contentType.lowercased().split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
    let allowed = kind == .video ? Self.videoTypes : Self.imageTypes
    guard allowed.contains(type) else {
      throw LibraryFailure.invalid("content_type \(contentType.debugDescription) is not accepted for this upload")
    }
    let folder = kind == .video ? "videos" : "reference-images"
    let key = "\(projectID)/\(folder)/\(UUID().uuidString.lowercased())/\(name)"
    let expires = now.addingTimeInterval(settings.uploadURLLifetime)
    let token = SignedToken(
      grant: .upload,
      subject: key,
      projectID: projectID,
      contentType: contentType,
      maxBytes: kind == .video ? settings.maxVideoBytes : settings.maxReferenceImageBytes,
      expires: expires
    )
    return (try signer.seal(token), key, expires)
  }

  /// Opens the PUT of a signed upload URL: the token must be valid and the request's content
  /// type the one it was minted for (as S3 checks a presigned PUT's signed headers).
  public func beginUpload(token sealed: String, contentType: String?, declaredLength: Int?) throws -> UploadWriter {
    guard let token = signer.open(sealed, grant: .upload) else { throw LibraryFailure.invalidSignedURL }
    guard contentType == token.contentType else {
      throw LibraryFailure.invalid("Content-Type must be the one the upload URL was minted for")
    }
    if let limit = token.maxBytes, let declared = declaredLength, declared > limit {
      throw LibraryFailure.tooLarge(limit: limit)
    }
    let kind: LibraryUpload.Kind = token.subject.contains("/videos/") ? .video : .referenceImage
    return try UploadWriter(token: token, kind: kind, destination: files.object(token.subject), repository: repository)
  }

  /// Completes an upload begun with `beginUpload`.
  public func finish(_ upload: UploadWriter) async throws {
    try await upload.finish(fileName: String(upload.token.subject.split(separator: "/").last ?? "file"))
  }

  // MARK: Videos

  public struct VideoRegistration: Sendable {
    public var projectID: String
    public var name: String
    public var objectKey: String?
    public var fileName: String?
    public var season: Int?
    public var episode: Int?
    public var autoProcess = true

    public init(projectID: String, name: String) {
      self.projectID = projectID
      self.name = name
    }
  }

  /// Registers an uploaded file as a video and, unless told otherwise, queues its ingest.
  public func register(_ registration: VideoRegistration, now: Date = Date()) async throws -> LibraryVideo {
    let name = registration.name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard (1...500).contains(name.count) else { throw LibraryFailure.invalid("name must be 1–500 characters") }
    for (field, value) in [("season", registration.season), ("episode", registration.episode)] {
      if let value, !(0...100_000).contains(value) { throw LibraryFailure.invalid("\(field) must be 0…100000") }
    }
    let upload = try await upload(
      key: registration.objectKey,
      fileName: registration.fileName,
      projectID: registration.projectID,
      kind: .video
    )
    let video = LibraryVideo(
      id: UUID().uuidString.lowercased(),
      projectID: registration.projectID,
      name: name,
      season: registration.season,
      episode: registration.episode,
      objectKey: upload.objectKey,
      fileName: upload.fileName,
      contentType: upload.contentType,
      fileSize: upload.size,
      status: registration.autoProcess ? .queued : .pending,
      createdAt: Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
    )
    try await repository.register(video, now: now)
    if registration.autoProcess { try await submitIngest(video.id, now: now) }
    return video
  }

  /// Queues the ingest of a `pending` (or `failed`) video: Loupe's `POST /v0/videos/{id}/process`.
  public func process(videoID: String, visibleTo projects: Set<String>, now: Date = Date()) async throws -> LibraryVideo
  {
    var video = try await self.video(id: videoID, visibleTo: projects)
    guard video.status == .pending || video.status == .failed else {
      throw LibraryFailure.conflict(
        "the video is \(video.status.rawValue); only pending or failed videos can be processed"
      )
    }
    try await repository.setStatus(.queued, ofVideo: videoID)
    try await submitIngest(videoID, now: now)
    video.status = .queued
    video.error = nil
    return video
  }

  public func video(id: String, visibleTo projects: Set<String>) async throws -> LibraryVideo {
    guard let video = try await repository.video(id: id), projects.contains(video.projectID) else {
      throw LibraryFailure.notFound("video")
    }
    return video
  }

  /// Deletes the video with its clips, thumbnails and file. An ingest still running finds it gone
  /// when it would store its clips, and removes what it wrote.
  public func deleteVideo(id: String, visibleTo projects: Set<String>) async throws {
    let video = try await self.video(id: id, visibleTo: projects)
    _ = try await repository.deleteVideo(id: video.id)
    files.removeVideo(id: video.id, objectKey: video.objectKey)
  }

  private func submitIngest(_ videoID: String, now: Date) async throws {
    _ = try await queue.submit(
      NewJob(
        appID: LibraryMediaRepository.jobAppID,
        kind: LibraryIngestHandler.jobKind,
        action: "ingest",
        object: videoID,
        request: "{}"
      ),
      now: now
    )
  }

  // MARK: Signed media

  /// A signed URL token for a file the caller may read.
  public func mediaToken(
    _ grant: SignedToken.Grant,
    subject: String,
    projectID: String,
    now: Date = Date()
  ) throws -> (
    token: String, expiresAt: Date
  ) {
    let expires = now.addingTimeInterval(settings.mediaURLLifetime)
    return (
      try signer.seal(SignedToken(grant: grant, subject: subject, projectID: projectID, expires: expires)), expires
    )
  }

  /// The file and content type a signed media URL grants.
  public func mediaFile(token sealed: String, grant: SignedToken.Grant) async throws -> (url: URL, contentType: String)
  {
    guard let token = signer.open(sealed, grant: grant) else { throw LibraryFailure.invalidSignedURL }
    switch grant {
    case .video, .playback:
      guard let video = try await repository.video(id: token.subject) else { throw LibraryFailure.notFound("video") }
      if grant == .playback {
        guard video.playback == "ready" else { throw LibraryFailure.notFound("playback rendition") }
        return (files.playback(video: video.id), "video/mp4")
      }
      return (files.object(video.objectKey), video.contentType)
    case .thumbnail:
      guard let id = Int64(token.subject), let clip = try await repository.clip(id: id) else {
        throw LibraryFailure.notFound("clip")
      }
      return (files.thumbnail(video: clip.videoID, clip: clip.index), "image/jpeg")
    case .referenceImage:
      guard let image = try await repository.referenceImage(id: token.subject) else {
        throw LibraryFailure.notFound("reference image")
      }
      return (files.object(image.objectKey), image.mimeType ?? "application/octet-stream")
    case .upload:
      throw LibraryFailure.invalidSignedURL
    }
  }

  // MARK: Clips

  public func clip(id: String, visibleTo projects: Set<String>) async throws -> LibraryClip {
    guard let number = Int64(id), let clip = try await repository.clip(id: number), projects.contains(clip.projectID)
    else { throw LibraryFailure.notFound("clip") }
    return clip
  }

  public struct ClipEdit: Sendable {
    /// `.some(nil)` clears a field; `nil` leaves it.
    public var subtitle: String??
    public var description: String??
    public var tags: String??
    public var characterIDs: [String]?

    public init() {}
  }

  /// Applies a user's edit; the clip is searchable by it at once.
  public func update(clipID: String, with edit: ClipEdit, visibleTo projects: Set<String>) async throws -> LibraryClip {
    var clip = try await clip(id: clipID, visibleTo: projects)
    if let subtitle = edit.subtitle { clip.subtitle = subtitle }
    if let description = edit.description { clip.description = description }
    if let tags = edit.tags { clip.tags = tags }
    if let characterIDs = edit.characterIDs {
      let known = Set(try await repository.characters(projectID: clip.projectID).map(\.id))
      if let unknown = characterIDs.first(where: { !known.contains($0) }) {
        throw LibraryFailure.invalid("character \(unknown) is not a character of the clip's project")
      }
      clip.characterIDs = try WireJSON.string(Array(Set(characterIDs)).sorted())
    }
    for text in [clip.subtitle, clip.description, clip.tags].compactMap({ $0 }) where text.count > 10_000 {
      throw LibraryFailure.invalid("subtitle, description and tags are limited to 10,000 characters each")
    }
    try await repository.update(clip)
    return clip
  }

  // MARK: Search

  /// Ranks the project's clips (`ClipSearcher`). Reference images must be the project's and ready.
  public func search(_ query: ClipSearchQuery) async throws -> ClipSearchResult {
    guard (1...100).contains(query.pageSize) else { throw LibraryFailure.invalid("page_size must be 1…100") }
    guard query.page >= 1 else { throw LibraryFailure.invalid("page must be ≥ 1") }
    for id in query.includeCharacters {
      guard let character = try await repository.character(id: id), character.projectID == query.projectID else {
        throw LibraryFailure.notFound("character \(id)")
      }
    }
    var vectors: [[Float]] = []
    for id in query.referenceImageIDs {
      guard let image = try await repository.referenceImage(id: id), image.projectID == query.projectID else {
        throw LibraryFailure.notFound("reference image \(id)")
      }
      guard image.embeddingStatus == .ready, let visual = image.visual else {
        throw LibraryFailure.referenceImageNotEmbedded(id)
      }
      vectors.append(VectorBlob.vector(visual))
    }
    let named = try await characters(namedIn: query.text ?? "", projectID: query.projectID)
    var result = try await searcher.search(
      query,
      referenceVectors: vectors,
      requiredCharacters: Set(query.includeCharacters + named.map(\.id))
    )
    result.matchedCharacters = named
    return result
  }

  /// Decodes a screenshot given to search (base64 or a data: URI), shrunk to what the visual
  /// model reads.
  public func decodeScreenshot(_ bytes: Data) async throws -> PixelBuffer {
    let decoder = decoder
    return try await offCooperativePool { try decoder.decode(bytes, workingPixels: 720 * 720).pixels }
  }

  // MARK: Reference images

  public struct ReferenceImageRegistration: Sendable {
    public var projectID: String
    public var objectKey: String?
    public var fileName: String?
    public var name: String?
    public var category: String?
    public var tags: [String] = []
    public var purpose: String?
    public var license = "unknown"
    public var isSearchable = true

    public init(projectID: String) {
      self.projectID = projectID
    }
  }

  /// Registers an uploaded image and queues its embedding.
  public func register(
    _ registration: ReferenceImageRegistration,
    now: Date = Date()
  ) async throws
    -> ReferenceImageRecord
  {
    guard ["licensed", "unlicensed", "unknown"].contains(registration.license) else {
      throw LibraryFailure.invalid("license must be licensed, unlicensed or unknown")
    }
    let upload = try await upload(
      key: registration.objectKey,
      fileName: registration.fileName,
      projectID: registration.projectID,
      kind: .referenceImage
    )
    let image = ReferenceImageRecord(
      id: UUID().uuidString.lowercased(),
      projectID: registration.projectID,
      name: registration.name ?? upload.fileName,
      category: registration.category,
      tags: try WireJSON.string(registration.tags),
      purpose: registration.purpose,
      license: registration.license,
      isSearchable: registration.isSearchable,
      mimeType: upload.contentType,
      fileSize: upload.size,
      objectKey: upload.objectKey,
      createdAt: Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
    )
    try await repository.register(image, now: now)
    _ = try await queue.submit(
      NewJob(
        appID: LibraryMediaRepository.jobAppID,
        kind: ReferenceImageEmbeddingHandler.jobKind,
        action: "embed",
        object: image.id,
        request: "{}"
      ),
      now: now
    )
    return image
  }

  public func referenceImage(id: String, visibleTo projects: Set<String>) async throws -> ReferenceImageRecord {
    guard let image = try await repository.referenceImage(id: id), projects.contains(image.projectID) else {
      throw LibraryFailure.notFound("reference image")
    }
    return image
  }

  public func deleteReferenceImage(id: String, visibleTo projects: Set<String>) async throws {
    let image = try await referenceImage(id: id, visibleTo: projects)
    _ = try await repository.deleteReferenceImage(id: image.id)
    try? FileManager.default.removeItem(at: files.object(image.objectKey))
  }

  // MARK: Helpers

  private func upload(
    key: String?,
    fileName: String?,
    projectID: String,
    kind: LibraryUpload.Kind
  ) async throws
    -> LibraryUpload
  {
    guard (key == nil) != (fileName == nil) else {
      throw LibraryFailure.invalid("give exactly one of s3_key and file_name")
    }
    guard let upload = try await repository.upload(key: key, fileName: fileName, projectID: projectID),
      upload.kind == kind
    else { throw LibraryFailure.notFound("upload") }
    guard upload.registeredAt == nil else { throw LibraryFailure.conflict("this upload is already registered") }
    return upload
  }

  /// The last path component, 1–255 bytes, without control characters.
  static func validFileName(_ name: String) throws -> String {
    let base = String(name.split(separator: "/").last ?? "")
    guard !base.isEmpty, base.utf8.count <= 255, base != ".", base != "..",
      !base.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
    else { throw LibraryFailure.invalid("file_name must be a file name of 1–255 bytes") }
    return base
  }
}
