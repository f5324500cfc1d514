import Foundation
import LoupeMedia

/// A media input as a file on this machine, for decoders that read files (FFmpeg). Downloads and
/// inline data live in a temporary file that `discard()` removes; files under a media root and
/// uploaded blobs are read in place.
public struct LocalMedia: Sendable {
  public var url: URL
  public var isTemporary: Bool
  /// Subtitle files beside a video under a media root that passed the same checks as the video
  /// (resolved under a media root, a regular file, within `SubtitleSidecar.maxBytes`); empty for
  /// every other input.
  public var sidecars: [SubtitleSidecar] = []

  public init(url: URL, isTemporary: Bool, sidecars: [SubtitleSidecar] = []) {
    self.url = url
    self.isTemporary = isTemporary
    self.sidecars = sidecars
  }

  public func discard() {
    if isTemporary { try? FileManager.default.removeItem(at: url) }
  }
}
