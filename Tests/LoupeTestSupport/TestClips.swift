import Foundation

/// A video made for the tests, with what is known about it by construction.
public struct TestClip: Sendable {
  public let url: URL
  /// First frames of the shots after the first (frame indices, from 0).
  public let cutFrames: [Int]
  public let frameCount: Int
  public let frameRate: Double
}

/// Short clips made with the `ffmpeg` CLI from public-domain photos in the installed packages
/// (scikit-image's and matplotlib's sample data), written once per test process into a temporary
/// folder that is removed at exit.
public enum TestClips {
  /// The photos, in shot order.
  public static let photos = [
    "skimage/data/astronaut.png", "skimage/data/chelsea.png", "skimage/data/coffee.png", "skimage/data/rocket.jpg",
    "skimage/data/motorcycle_left.png", "matplotlib/mpl-data/sample_data/grace_hopper.jpg",
  ]
  /// Frames each photo is shown for in `footage()` and `slideshow()`.
  public static let shotLengths = [40, 30, 45, 35, 50, 40]

  /// Chinese and English cues, with italics, for the embedded-subtitle clips.
  public static let bilingualSRT = """
    1
    00:00:00,500 --> 00:00:01,800
    你好，世界！
    Hello, world!

    2
    00:00:02,000 --> 00:00:03,250
    <i>字幕测试</i> — subtitle test

    3
    00:00:03,300 --> 00:00:03,900
    第三条：「引号」、标点。

    """

  /// 320×240 at 25 fps: each photo for `shotLengths` frames while the view pans slowly across
  /// it (1 px a frame), hard cuts between photos.
  public static func footage() throws -> TestClip {
    try photoClip(name: "footage.mp4", panning: true)
  }

  /// The same photos and cuts without any motion.
  public static func slideshow() throws -> TestClip {
    try photoClip(name: "slideshow.mp4", panning: false)
  }

  /// 320×240 at 25 fps: the astronaut for 25 frames, black for 25 (frames 25…49), the cat for 25.
  public static func blackSegment() throws -> TestClip {
    try clip(named: "black-segment.mp4") { url in
      let photo = { (index: Int, input: Int) in
        "[\(input):v]scale=320:240:force_original_aspect_ratio=increase,crop=320:240,setsar=1,format=yuv420p,"
          + "trim=end_frame=25,setpts=PTS-STARTPTS[v\(index)];"
      }
      try ffmpeg(
        loopedPhotoInputs([photos[0], photos[1]])
          + ["-f", "lavfi", "-i", "color=c=black:s=320x240:r=25:d=1"]
          + [
            "-filter_complex",
            photo(0, 0) + "[2:v]format=yuv420p,setsar=1,trim=end_frame=25,setpts=PTS-STARTPTS[v1];" + photo(2, 1)
              + "[v0][v1][v2]concat=n=3:v=1:a=0[out]",
            "-map", "[out]",
          ] + h264(url)
      )
      return TestClip(url: url, cutFrames: [25, 50], frameCount: 75, frameRate: 25)
    }
  }

  /// FFmpeg's moving test pattern, `seconds` long at 25 fps.
  public static func testPattern(seconds: Int, width: Int = 640, height: Int = 360) throws -> TestClip {
    try clip(named: "pattern-\(seconds)s-\(width)x\(height).mp4") { url in
      try ffmpeg(
        ["-f", "lavfi", "-i", "testsrc2=size=\(width)x\(height):rate=25:duration=\(seconds)"] + h264(url)
      )
      return TestClip(url: url, cutFrames: [], frameCount: seconds * 25, frameRate: 25)
    }
  }

  /// Two of FFmpeg's test patterns (the moving `testsrc2` and the HD colour bars) alternating
  /// every `cutEvery` frames at 25 fps: a hard cut every `cutEvery` frames, as many shots as the
  /// detector's minimum shot length allows. Encoded fast and coarse: the tests that use it are
  /// about the number of cuts, not the pictures.
  public static func manyCuts(seconds: Int, width: Int, height: Int, cutEvery: Int = 10) throws -> TestClip {
    try clip(named: "cuts-\(seconds)s-\(width)x\(height)-\(cutEvery).mp4") { url in
      let size = "size=\(width)x\(height):rate=25:duration=\(seconds)"
      try ffmpeg(
        ["-f", "lavfi", "-i", "testsrc2=\(size)", "-f", "lavfi", "-i", "smptehdbars=\(size)"]
          + ["-filter_complex", "[0:v][1:v]overlay=enable='lt(mod(n\\,\(2 * cutEvery))\\,\(cutEvery))'[out]"]
          + ["-map", "[out]", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "30", "-pix_fmt", "yuv420p", url.path]
      )
      let frameCount = seconds * 25
      return TestClip(
        url: url,
        cutFrames: Array(stride(from: cutEvery, to: frameCount, by: cutEvery)),
        frameCount: frameCount,
        frameRate: 25
      )
    }
  }

  /// `slideshow()`'s first 100 frames (4 s) in Matroska with `bilingualSRT` as a SubRip stream.
  public static func subtitledMatroska() throws -> TestClip {
    try subtitled(name: "subtitled.mkv", codec: "srt")
  }

  /// The same in MP4 with the subtitles as a mov_text stream.
  public static func subtitledMP4() throws -> TestClip {
    try subtitled(name: "subtitled.mp4", codec: "mov_text")
  }

  /// A file in the clips folder, for tests that make their own (copies, damaged files).
  /// Japanese and Chinese lines burned into `footage()` (scaled to 640 × 480, 9.6 s), with
  /// gaps between them, as `burnedInSubtitles()` shows them.
  public static let burnedInCues: [(start: Double, end: Double, text: String)] = [
    (0.6, 2.4, "ありがとう、また明日"),
    (2.9, 4.6, "今日はいい天気ですね"),
    (5.2, 6.1, "我们明天见吧"),
    (7.0, 9.0, "また会いましょう"),
  ]

  /// `footage()` at 640 × 480 with `burnedInCues` drawn into the picture by libass in Noto Sans
  /// CJK JP (white with a dark outline, bottom centre): there is no subtitle stream.
  public static func burnedInSubtitles() throws -> TestClip {
    let source = try footage()
    return try clip(named: "burned-in.mp4") { url in
      // Not named like the clip: a `burned-in.srt` beside it would be found as its sidecar.
      let subtitles = directory.appendingPathComponent("cues-to-burn.srt")
      func stamp(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        return String(format: "00:00:%02d,%03d", millis / 1000, millis % 1000)
      }
      let srt = burnedInCues.enumerated().map {
        "\($0.offset + 1)\n\(stamp($0.element.start)) --> \(stamp($0.element.end))\n\($0.element.text)\n"
      }
      try srt.joined(separator: "\n").write(to: subtitles, atomically: true, encoding: .utf8)
      try ffmpeg(
        [
          "-i", source.url.path, "-vf",
          "scale=640:480,subtitles=\(subtitles.path):force_style='FontName=Noto Sans CJK JP,FontSize=18'",
        ] + h264(url)
      )
      return TestClip(url: url, cutFrames: source.cutFrames, frameCount: source.frameCount, frameRate: 25)
    }
  }

  public static func scratchURL(_ name: String) -> URL {
    directory.appendingPathComponent(name)
  }

  /// Runs the `ffmpeg` CLI (quiet, overwriting); throws with its error output when it fails.
  public static func ffmpeg(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"] + arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let output = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw ClipError(message: "ffmpeg failed: " + String(decoding: output, as: UTF8.self))
    }
  }

  public struct ClipError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
  }

  private static func photoClip(name: String, panning: Bool) throws -> TestClip {
    try clip(named: name) { url in
      // Cover 800×600 (or 320×240), then a 640×480 window moving 2 px right and 1 px down per
      // source frame, shrunk to 320×240.
      let framing =
        panning
        ? "scale=800:600:force_original_aspect_ratio=increase,crop=800:600,crop=640:480:x='n*2':y='n',scale=320:240"
        : "scale=320:240:force_original_aspect_ratio=increase,crop=320:240"
      var graph = ""
      for (index, length) in shotLengths.enumerated() {
        graph +=
          "[\(index):v]\(framing),setsar=1,format=yuv420p,trim=end_frame=\(length),setpts=PTS-STARTPTS[v\(index)];"
      }
      graph += (0..<photos.count).map { "[v\($0)]" }.joined() + "concat=n=\(photos.count):v=1:a=0[out]"
      try ffmpeg(loopedPhotoInputs(photos) + ["-filter_complex", graph, "-map", "[out]"] + h264(url))
      var cuts: [Int] = []
      var position = 0
      for length in shotLengths.dropLast() {
        position += length
        cuts.append(position)
      }
      return TestClip(url: url, cutFrames: cuts, frameCount: shotLengths.reduce(0, +), frameRate: 25)
    }
  }

  private static func subtitled(name: String, codec: String) throws -> TestClip {
    let source = try slideshow()
    return try clip(named: name) { url in
      let subtitles = directory.appendingPathComponent("bilingual.srt")
      try bilingualSRT.write(to: subtitles, atomically: true, encoding: .utf8)
      try ffmpeg([
        "-i", source.url.path, "-i", subtitles.path, "-map", "0:v", "-map", "1:s", "-frames:v", "100", "-c:v",
        "libx264",
        "-preset", "ultrafast", "-c:s", codec, "-metadata:s:s:0", "language=chi", url.path,
      ])
      return TestClip(url: url, cutFrames: [40, 70], frameCount: 100, frameRate: 25)
    }
  }

  private static func loopedPhotoInputs(_ packagePaths: [String]) -> [String] {
    packagePaths.flatMap {
      ["-loop", "1", "-framerate", "25", "-i", InstalledDependencies.directory.packageFile($0).path]
    }
  }

  private static func h264(_ url: URL) -> [String] {
    ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", url.path]
  }

  // MARK: - Once per process

  private static let directory: URL = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "loupe-test-clips-\(ProcessInfo.processInfo.processIdentifier)"
    )
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: TestClips.directory) }
    return directory
  }()

  private static let cache = ClipCache()

  private static func clip(named name: String, make: (URL) throws -> TestClip) throws -> TestClip {
    try cache.clip(named: name) { try make(directory.appendingPathComponent(name)) }
  }
}

/// Clips already made. Making one clip is serialised, so parallel tests never make it twice,
/// but different clips are made independently: a test waiting for a short clip never waits for
/// a four-minute one another test is encoding.
private final class ClipCache: @unchecked Sendable {
  private let lock = NSLock()
  private var clips: [String: TestClip] = [:]
  private var making: [String: NSLock] = [:]

  func clip(named name: String, make: () throws -> TestClip) throws -> TestClip {
    let maker = lock.withLock { () -> NSLock in
      if let maker = making[name] { return maker }
      let maker = NSLock()
      making[name] = maker
      return maker
    }
    maker.lock()
    defer { maker.unlock() }
    if let clip = lock.withLock({ clips[name] }) { return clip }
    let clip = try make()
    lock.withLock { clips[name] = clip }
    return clip
  }
}
