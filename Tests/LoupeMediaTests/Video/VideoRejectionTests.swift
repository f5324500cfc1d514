import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

/// Files that are not videos, or are over a limit, fail with the matching `VideoError` before
/// any frame is decoded.
@Suite(.offCooperativePool) struct VideoRejectionTests {
  static func error(scanning url: URL, limits: VideoLimits = .default) -> VideoError? {
    do {
      _ = try VideoScanner(options: VideoScanOptions(limits: limits)).scan(url)
      return nil
    } catch {
      return error as? VideoError
    }
  }

  static func scratch(_ name: String, bytes: [UInt8]) throws -> URL {
    let url = TestClips.scratchURL(name)
    try Data(bytes).write(to: url)
    return url
  }

  @Test func overTheDurationLimit() throws {
    let error = Self.error(scanning: try TestClips.footage().url, limits: VideoLimits(maxDuration: 5))
    guard case .tooLong(let seconds, 5) = error else {
      Issue.record("expected tooLong, got \(String(describing: error))")
      return
    }
    #expect(abs(seconds - 9.6) < 0.05)
  }

  @Test func outsideTheResolutionLimits() throws {
    let url = try TestClips.footage().url
    #expect(
      Self.error(scanning: url, limits: VideoLimits(maxPixels: 320 * 239))
        == .resolutionTooHigh(width: 320, height: 240, limit: 320 * 239)
    )
    #expect(
      Self.error(scanning: url, limits: VideoLimits(minSide: 241))
        == .resolutionTooLow(width: 320, height: 240, minimumSide: 241)
    )
  }

  @Test func overTheByteLimit() throws {
    let url = try TestClips.footage().url
    let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
    #expect(Self.error(scanning: url, limits: VideoLimits(maxBytes: 100_000)) == .tooLarge(bytes: size, limit: 100_000))
  }

  @Test func stillImagesAreNotVideos() throws {
    let png = try Data(contentsOf: InstalledDependencies.directory.packageFile("skimage/data/astronaut.png"))
    let renamedPNG = try Self.scratch("astronaut-png.mp4", bytes: [UInt8](png))
    #expect(Self.error(scanning: renamedPNG) == .stillImage(format: "png_pipe"))
    #expect(throws: VideoError.stillImage(format: "png_pipe")) { try VideoInfo(contentsOf: renamedPNG) }

    let jpeg = try Data(contentsOf: InstalledDependencies.directory.packageFile("skimage/data/rocket.jpg"))
    #expect(
      Self.error(scanning: try Self.scratch("rocket-jpeg.mp4", bytes: [UInt8](jpeg)))
        == .stillImage(format: "jpeg_pipe")
    )
  }

  @Test func oneFrameGIFIsStillAndAnimatedGIFIsVideo() throws {
    let source = try TestClips.footage().url
    let still = TestClips.scratchURL("one-frame.gif")
    try TestClips.ffmpeg(["-i", source.path, "-frames:v", "1", still.path])
    #expect(Self.error(scanning: still) == .stillImage(format: "gif"))
    #expect(throws: VideoError.stillImage(format: "gif")) { try VideoInfo(contentsOf: still) }

    let animated = TestClips.scratchURL("animated.gif")
    try TestClips.ffmpeg(["-i", source.path, "-frames:v", "12", animated.path])
    let scan = try VideoScanner().scan(animated)
    #expect(scan.info.formatName == "gif")
    #expect(scan.decodedFrameCount == 12)
  }

  @Test func randomBytesEmptyAndMissingFilesAreUnreadable() throws {
    var generator = SplitMix64(seed: 7)
    let noise = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let error = Self.error(scanning: try Self.scratch("noise.mp4", bytes: noise))
    guard case .unreadable = error else {
      Issue.record("random bytes gave \(String(describing: error))")
      return
    }
    #expect(Self.error(scanning: try Self.scratch("empty.mp4", bytes: [])) == .unreadable(reason: "the file is empty"))
    #expect(Self.error(scanning: TestClips.scratchURL("missing.mp4")) == .unreadable(reason: "no such file"))
  }

  @Test func audioOnlyHasNoVideoStream() throws {
    let audio = TestClips.scratchURL("tone.m4a")
    try TestClips.ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", audio.path])
    #expect(Self.error(scanning: audio) == .noVideoStream)
  }

  /// A playlist would make FFmpeg open the files or URLs it lists; it is refused unopened.
  @Test func playlistsAreRefused() throws {
    let playlist = try Self.scratch(
      "list.m3u8",
      bytes: Array(
        "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n".utf8
      )
    )
    #expect(Self.error(scanning: playlist) == .unreadable(reason: "hls is not a supported video container"))
    let concat = try Self.scratch("list.ffconcat", bytes: Array("ffconcat version 1.0\nfile /etc/passwd\n".utf8))
    #expect(Self.error(scanning: concat) == .unreadable(reason: "concat is not a supported video container"))
  }

  @Test func messagesNameTheProblem() {
    #expect(
      VideoError.unreadable(reason: "Invalid data found when processing input").description
        == "cannot read the file as a video: Invalid data found when processing input"
    )
    #expect(
      VideoError.stillImage(format: "png_pipe").description == "the file is a still image (png_pipe), not a video"
    )
    #expect(VideoError.tooLong(seconds: 9.6, limit: 5).description == "video lasts 9.6 s, more than the limit of 5 s")
    #expect(
      VideoError.resolutionTooHigh(width: 7680, height: 4320, limit: 3840 * 2160).description
        == "video is 7680×4320, more than the limit of 8294400 pixels per frame"
    )
    #expect(VideoError.cancelled.description == "video processing was cancelled")
  }
}

@Suite struct VideoLimitsTests {
  @Test func defaults() {
    let limits = VideoLimits.default
    #expect(limits.maxBytes == 200 * 1024 * 1024)
    #expect(limits.maxDuration == 3600)
    #expect(limits.maxPixels == 3840 * 2160)
    #expect(limits.minSide == 16)
  }

  @Test func checks() throws {
    let limits = VideoLimits(maxBytes: 10, maxDuration: 60, maxPixels: 100 * 100, minSide: 16)
    try limits.check(fileSize: 10)
    #expect(throws: VideoError.tooLarge(bytes: 11, limit: 10)) { try limits.check(fileSize: 11) }
    try limits.check(duration: 60)
    #expect(throws: VideoError.tooLong(seconds: 60.5, limit: 60)) { try limits.check(duration: 60.5) }
    // Either orientation fits the same pixel budget.
    try limits.check(width: 50, height: 200)
    try limits.check(width: 200, height: 50)
    #expect(throws: VideoError.resolutionTooHigh(width: 101, height: 100, limit: 10_000)) {
      try limits.check(width: 101, height: 100)
    }
    #expect(throws: VideoError.resolutionTooLow(width: 15, height: 100, minimumSide: 16)) {
      try limits.check(width: 15, height: 100)
    }
  }

  @Test func unknownDurationIsLeftToTheDecoder() throws {
    let info = VideoInfo(
      duration: 0,
      frameRate: 25,
      width: 64,
      height: 64,
      codecName: "h264",
      formatName: "mpegts",
      estimatedFrameCount: 0,
      hasAudio: false,
      subtitleStreams: []
    )
    try VideoLimits(maxDuration: 1).check(info, fileSize: 1)
  }
}
