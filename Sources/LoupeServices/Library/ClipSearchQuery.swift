import LoupeAnalysis
import LoupeMedia
import LoupeStore

/// A clip search as the application takes it (`POST /v0/search/clips` and its extensions).
public struct ClipSearchQuery: Sendable {
  public enum Mode: String, Sendable {
    /// Text and image vectors, fused with subtitle, tag and description matches.
    case semantic
    /// Subtitle lines only: exact substrings, or fuzzy (normalised) matches.
    case subtitle
    /// Subtitles, descriptions, tags and labels containing the query.
    case keyword
  }

  public var projectID: String
  public var text: String?
  public var referenceImageIDs: [String] = []
  /// Weight of the image side when both a text and images are given, 0…1.
  public var imageImportance: Double = 0.5
  /// A screenshot to find the moment of.
  public var screenshot: PixelBuffer?
  public var mode: Mode = .semantic
  public var subtitleExactMatch = false
  public var videoIDs: [String]?
  public var season: Int?
  /// Characters every clip must show (ids).
  public var includeCharacters: [String] = []
  public var objectSize: ShotSize?
  /// `normal`, `opening` or `ending`.
  public var sceneType: String?
  public var page = 1
  public var pageSize = 20

  public init(projectID: String) {
    self.projectID = projectID
  }
}

/// A page of clip search results.
public struct ClipSearchResult: Sendable {
  public enum Ranking: String, Sendable {
    case semantic, keyword, filter
  }

  public struct Hit: Sendable {
    public var clip: LibraryClip
    /// In [0, 1] for semantic ranking (docs/library.md), 0 otherwise.
    public var similarity: Double
  }

  public var ranking: Ranking
  public var hits: [Hit]
  public var totalAvailable: Int
  /// Characters named in the query, applied as a filter.
  public var matchedCharacters: [CharacterRecord] = []
}
