import Foundation

/// Two short "episodes" of one series for the media-library tests, made with the `ffmpeg` CLI
/// from installed photos: 320×240 at 25 fps, still shots with hard cuts, a Japanese/English
/// subtitle stream (mov_text), and a shared opening (two shots) that episode 1 starts with and
/// episode 2 plays after a cold open.
public struct TestEpisode: Sendable {
  public struct Shot: Sendable {
    /// A photo from the installed packages (relative) or an absolute path.
    public let photo: String
    public let seconds: Double
    public let subtitle: String?
    public let isOpening: Bool
  }

  public let url: URL
  public let shots: [Shot]

  /// Start and end of each shot, in seconds.
  public var times: [(start: Double, end: Double)] {
    var start = 0.0
    return shots.map { shot in
      defer { start += shot.seconds }
      return (start, start + shot.seconds)
    }
  }
}

public enum TestEpisodes {
  static let opening: [TestEpisode.Shot] = [
    .init(photo: "skimage/data/astronaut.png", seconds: 2, subtitle: nil, isOpening: true),
    .init(photo: "skimage/data/rocket.jpg", seconds: 2, subtitle: nil, isOpening: true),
  ]

  public static func first() throws -> TestEpisode {
    try make(
      name: "episode-1.mp4",
      shots: opening + [
        .init(photo: "skimage/data/chelsea.png", seconds: 3, subtitle: "ありがとう、また明日", isOpening: false),
        .init(photo: "skimage/data/coffee.png", seconds: 3, subtitle: "A cup of coffee, please.", isOpening: false),
        .init(photo: "skimage/data/motorcycle_left.png", seconds: 3, subtitle: "猫はどこ？", isOpening: false),
      ]
    )
  }

  public static func second() throws -> TestEpisode {
    try make(
      name: "episode-2.mp4",
      shots: [
        .init(
          photo: "matplotlib/mpl-data/sample_data/grace_hopper.jpg",
          seconds: 3,
          subtitle: "Previously, on the show.",
          isOpening: false
        )
      ] + opening + [
        .init(
          photo: "/usr/share/doc/opencv-doc/examples/data/orange.jpg",
          seconds: 3,
          subtitle: "オレンジを食べた",
          isOpening: false
        ),
        .init(
          photo: "/usr/share/doc/opencv-doc/examples/data/building.jpg",
          seconds: 3,
          subtitle: "The tall building downtown.",
          isOpening: false
        ),
      ]
    )
  }

  public static func file(_ photo: String) -> URL {
    photo.hasPrefix("/") ? URL(fileURLWithPath: photo) : InstalledDependencies.directory.packageFile(photo)
  }

  private static func make(name: String, shots: [TestEpisode.Shot]) throws -> TestEpisode {
    let url = TestClips.scratchURL(name)
    let episode = TestEpisode(url: url, shots: shots)
    if FileManager.default.fileExists(atPath: url.path) { return episode }
    var srt = ""
    var number = 1
    for (shot, time) in zip(shots, episode.times) {
      guard let subtitle = shot.subtitle else { continue }
      srt += "\(number)\n\(timestamp(time.start + 0.3)) --> \(timestamp(time.end - 0.3))\n\(subtitle)\n\n"
      number += 1
    }
    let subtitles = TestClips.scratchURL(name + ".srt")
    try srt.write(to: subtitles, atomically: true, encoding: .utf8)
    var inputs: [String] = []
    var graph = ""
    for (index, shot) in shots.enumerated() {
      inputs += ["-loop", "1", "-framerate", "25", "-i", file(shot.photo).path]
      graph +=
        "[\(index):v]scale=320:240:force_original_aspect_ratio=increase,crop=320:240,setsar=1,format=yuv420p,"
        + "trim=end_frame=\(Int(shot.seconds * 25)),setpts=PTS-STARTPTS[v\(index)];"
    }
    graph += (0..<shots.count).map { "[v\($0)]" }.joined() + "concat=n=\(shots.count):v=1:a=0[out]"
    try TestClips.ffmpeg(
      inputs + ["-i", subtitles.path, "-filter_complex", graph, "-map", "[out]", "-map", "\(shots.count):s"]
        + ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p"]
        + ["-c:s", "mov_text", "-metadata:s:s:0", "language=jpn", url.path]
    )
    return episode
  }

  private static func timestamp(_ seconds: Double) -> String {
    let milliseconds = Int((seconds * 1000).rounded())
    return String(
      format: "%02d:%02d:%02d,%03d",
      milliseconds / 3_600_000,
      milliseconds / 60_000 % 60,
      milliseconds / 1000 % 60,
      milliseconds % 1000
    )
  }
}
