import Foundation

/// Limits and lifetimes of the media library (`library` in the config file; docs/library.md).
public struct LibrarySettings: Sendable, Equatable {
  /// Largest video one upload URL accepts.
  public var maxVideoBytes = 4 << 30
  /// Largest reference image one upload URL accepts.
  public var maxReferenceImageBytes = 20 << 20
  /// How long a minted upload URL accepts its PUT.
  public var uploadURLLifetime: TimeInterval = 3600
  /// How long a media, thumbnail or download URL stays valid.
  public var mediaURLLifetime: TimeInterval = 3600
  /// Clips longer than this are split into equal parts no longer than it.
  public var maxClipSeconds = 10.0
  /// The origin put in front of every URL Loupe hands out (`https://media.example.org`); by
  /// default the request's own `Host`, over http.
  public var publicBaseURL: URL?
  /// Whether ingests look for drawn (anime-style) faces with AnimeFace to put animated characters
  /// on clips. It costs about 0.2–0.4 s per keyframe on 2 cores (docs/library.md, "Drawn
  /// characters"); a library of live action only can turn it off.
  public var drawnFaces = true

  public init() {}
}

extension LibrarySettings {
  mutating func apply(_ file: ConfigurationFile.Library) throws {
    func positive<T: Comparable & Numeric>(_ value: T?, _ key: String) throws -> T? {
      guard let value else { return nil }
      guard value > 0 else { throw ConfigurationError.invalidValue("library.\(key)", "must be > 0") }
      return value
    }
    if let bytes = try positive(file.maxVideoBytes, "max_video_bytes") { maxVideoBytes = bytes }
    if let bytes = try positive(file.maxReferenceImageBytes, "max_reference_image_bytes") {
      maxReferenceImageBytes = bytes
    }
    if let seconds = try positive(file.uploadURLSeconds, "upload_url_seconds") { uploadURLLifetime = seconds }
    if let seconds = try positive(file.mediaURLSeconds, "media_url_seconds") { mediaURLLifetime = seconds }
    if let seconds = try positive(file.maxClipSeconds, "max_clip_seconds") { maxClipSeconds = seconds }
    if let drawn = file.drawnFaces { drawnFaces = drawn }
    if let base = file.publicBaseURL {
      guard let url = URL(string: base), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
        url.query == nil
      else { throw ConfigurationError.invalidValue("library.public_base_url", "must be an http(s) origin") }
      publicBaseURL = url
    }
  }
}
