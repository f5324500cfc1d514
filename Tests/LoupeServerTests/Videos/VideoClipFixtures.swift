import Foundation
import LoupeServer
import LoupeServices
import LoupeTestSupport

/// Clips and broken files the video tests submit, made once per test process.
enum VideoClipFixtures {
  static let folder: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-video-inputs-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }()

  /// Random bytes, a clip cut in half, a PNG: none of them a video.
  static let broken: [String: URL] = {
    var generator = SplitMix64(seed: 7)
    let random = folder.appendingPathComponent("random.mp4")
    try? Data((0..<40_000).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: random)
    let truncated = folder.appendingPathComponent("truncated.mp4")
    if let footage = try? Data(contentsOf: TestClips.footage().url) {
      try? footage.prefix(footage.count / 3).write(to: truncated)
    }
    let png = folder.appendingPathComponent("photo.mp4")
    try? FileManager.default.copyItem(
      at: InstalledDependencies.directory.packageFile("skimage/data/chelsea.png"),
      to: png
    )
    return ["random.mp4": random, "truncated.mp4": truncated, "photo.mp4": png]
  }()

  /// Serves the clips over loopback HTTP under their file names.
  static func served() throws -> [String: URL] {
    var files = broken
    files["footage.mp4"] = try TestClips.footage().url
    files["slideshow.mp4"] = try TestClips.slideshow().url
    return files
  }

  static func allowLoopbackAndClips(_ configuration: inout ServiceConfiguration) {
    EdgeTests.allowLoopback(&configuration)
    configuration.mediaRoots = [
      folder.resolvingSymlinksInPath(), TestClips.scratchURL("").deletingLastPathComponent().resolvingSymlinksInPath(),
    ]
    configuration.jobs.retry.initialBackoff = 0.1
    configuration.jobs.pollInterval = .milliseconds(50)
  }
}
