import Foundation

/// A media input as a file on this machine, for decoders that read files (FFmpeg). Downloads and
/// inline data live in a temporary file that `discard()` removes; files under a media root and
/// uploaded blobs are read in place.
public struct LocalMedia: Sendable {
  public var url: URL
  public var isTemporary: Bool

  public func discard() {
    if isTemporary { try? FileManager.default.removeItem(at: url) }
  }
}
