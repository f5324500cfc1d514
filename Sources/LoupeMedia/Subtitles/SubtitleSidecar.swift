import Foundation

/// A subtitle file beside a video: `clip.srt`, `clip.en.srt`, `clip.zh-Hans.vtt`, `clip.ass`, …
public struct SubtitleSidecar: Sendable, Equatable {
  public var url: URL
  /// From the extension.
  public var format: SubtitleFormat
  /// What stands between the video's name and the extension (`en` in `clip.en.srt`); `nil` for
  /// `clip.srt`.
  public var language: String?

  /// The largest sidecar read: an hour of dense subtitles is well under 1 MiB.
  public static let maxBytes = 10 << 20

  public init(url: URL, format: SubtitleFormat, language: String?) {
    self.url = url
    self.format = format
    self.language = language
  }

  /// Sidecars of the local video at `video`, the one without a language first, then by name.
  public static func find(for video: URL) -> [SubtitleSidecar] {
    let directory = video.deletingLastPathComponent()
    let stem = video.deletingPathExtension().lastPathComponent
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
    let sidecars = names.compactMap { name -> SubtitleSidecar? in
      let fileExtension = (name as NSString).pathExtension
      guard let format = SubtitleFormat(fileExtension: fileExtension), name.hasPrefix(stem + ".") else { return nil }
      let language = name.dropFirst(stem.count + 1).dropLast(fileExtension.count + 1)
      return SubtitleSidecar(
        url: directory.appendingPathComponent(name),
        format: format,
        language: language.isEmpty ? nil : String(language)
      )
    }
    return sidecars.sorted {
      ($0.language ?? "", $0.url.lastPathComponent) < ($1.language ?? "", $1.url.lastPathComponent)
    }
  }

  /// The file's cues; at most `maxBytes` are read, so a file that grew after it was checked
  /// (or a device) cannot make the parser take more.
  public func cues() throws -> [SubtitleCue] {
    guard let handle = FileHandle(forReadingAtPath: url.path) else { throw CocoaError(.fileReadNoPermission) }
    defer { try? handle.close() }
    let data = try handle.read(upToCount: Self.maxBytes + 1) ?? Data()
    guard data.count <= Self.maxBytes else { throw CocoaError(.fileReadTooLarge) }
    return try SubtitleParser.parse(data, formatHint: format)
  }
}
