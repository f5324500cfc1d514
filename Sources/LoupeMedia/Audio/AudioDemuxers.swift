/// Which FFmpeg demuxers audio may be read from: every video container Loupe accepts plus
/// audio-only formats. As for video, playlist and concatenation demuxers (`hls`, `concat`, …) are
/// refused: they would open other files or URLs.
enum AudioDemuxers {
  static let audioOnly: Set<String> = [
    "wav", "w64", "mp3", "flac", "aac", "aiff", "caf", "amr", "ac3", "eac3", "dts", "wv", "ape", "tta", "au",
    "mpc", "mpc8", "truehd", "mlp", "tak", "voc", "loas", "sox",
  ]

  static let all = audioOnly.union(ContainerPolicy.videoDemuxers)

  static func allows(_ formatName: String) -> Bool {
    ContainerPolicy.names(formatName).contains { all.contains($0) }
  }

  /// For FFmpeg's `format_whitelist`, which nested demuxers obey too.
  static var whitelist: String { all.sorted().joined(separator: ",") }
}
