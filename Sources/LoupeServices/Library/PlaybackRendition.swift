import Foundation
import LoupeMedia

/// The browser rendition of a library video. Browsers play H.264 (or AV1) in MP4 and VP8, VP9
/// or AV1 in WebM; anything else (MPEG-4 Part 2 in AVI, HEVC, Matroska, MPEG-2, …) gets an
/// H.264/AAC MP4 made by the `ffmpeg` CLI (Debian's, installed by setup) during the ingest, so
/// `get_video_media(rendition="playback")` always names a file a `<video>` element can play.
enum PlaybackRendition {
  static func isBrowserPlayable(_ info: VideoInfo, contentType: String) -> Bool {
    let codec = info.codecName
    if info.formatName.contains("mp4") { return ["h264", "av1"].contains(codec) }
    if contentType == "video/webm" { return ["vp8", "vp9", "av1"].contains(codec) }
    return false
  }

  /// Transcodes `source` to `destination` (written aside and renamed, so a half-made file is
  /// never served); `threads` bounds ffmpeg's encoder. Throws when ffmpeg fails.
  static func make(from source: URL, to destination: URL, threads: Int) throws {
    let partial = destination.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).mp4")
    defer { try? FileManager.default.removeItem(at: partial) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
    process.arguments = [
      "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", source.path, "-map", "0:v:0", "-map", "0:a:0?",
      "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
      "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2", "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart",
      "-threads", String(max(1, threads)), partial.path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw PlaybackFailure() }
    guard rename(partial.path, destination.path) == 0 else { throw PlaybackFailure() }
  }

  struct PlaybackFailure: Error {}
}
