import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct VideoScannerTests {
  static let openCVSamples = URL(fileURLWithPath: "/usr/share/doc/opencv-doc/examples/data")

  static func cuts(_ scan: VideoScan) -> [Int] { scan.shots.dropFirst().map(\.firstFrame) }

  /// Cuts found within ±2 frames of an expected one, and cuts found near none.
  static func match(_ found: [Int], expected: [Int]) -> (hits: Int, false: [Int]) {
    let hits = expected.filter { cut in found.contains { abs($0 - cut) <= 2 } }.count
    let falseCuts = found.filter { cut in !expected.contains { abs($0 - cut) <= 2 } }
    return (hits, falseCuts)
  }

  @Test func megamindCutsMatchTheShotBoundaryModel() throws {
    let scan = try VideoScanner().scan(Self.openCVSamples.appendingPathComponent("Megamind.avi"))
    print("Megamind: \(scan.decodedFrameCount) frames, cuts \(Self.cuts(scan)), motion \(scan.motion)")
    #expect(scan.info.width == 720 && scan.info.height == 528)
    #expect(scan.decodedFrameCount == 270)
    // A shot-boundary model marks 97, 153 and 199 as the last frames of their shots.
    let (hits, falseCuts) = Self.match(Self.cuts(scan), expected: [98, 154, 200])
    #expect(hits == 3)
    #expect(falseCuts.isEmpty)
  }

  @Test func vtestStaticCameraHasNoCut() throws {
    let scan = try VideoScanner().scan(Self.openCVSamples.appendingPathComponent("vtest.avi"))
    print("vtest: \(scan.decodedFrameCount) frames, cuts \(Self.cuts(scan)), motion \(scan.motion)")
    #expect(scan.decodedFrameCount == 795)
    #expect(Self.cuts(scan).isEmpty)
    #expect(scan.motion > 0.05)
  }

  @Test func footageCutsAreFoundExactly() throws {
    let clip = try TestClips.footage()
    let scan = try VideoScanner().scan(clip.url)
    print("footage: cuts \(Self.cuts(scan)), motion \(scan.motion)")
    #expect(scan.decodedFrameCount == clip.frameCount)
    let (hits, falseCuts) = Self.match(Self.cuts(scan), expected: clip.cutFrames)
    #expect(hits == clip.cutFrames.count)
    #expect(falseCuts.isEmpty)
  }

  @Test func slideshowHasNoMotionUnlikeFootage() throws {
    let slideshow = try VideoScanner().scan(try TestClips.slideshow().url)
    let footage = try VideoScanner().scan(try TestClips.footage().url)
    print("motion: slideshow \(slideshow.motion), footage \(footage.motion)")
    #expect(slideshow.motion < 0.02)
    #expect(footage.motion > 0.3)
    #expect(Self.cuts(slideshow) == (try TestClips.slideshow()).cutFrames)
  }
}

@Suite(.offCooperativePool) struct VideoScanOutputTests {
  @Test func blankFramesAreCountedAndNeverSampled() throws {
    let clip = try TestClips.blackSegment()
    let scan = try VideoScanner().scan(clip.url)
    #expect(scan.decodedFrameCount == 75)
    #expect(scan.blankFrameCount == 25)
    #expect(scan.shots.map(\.firstFrame) == [0, 25, 50])
    // The black shot has no frame to show; the photo shots do.
    #expect(scan.shots.map { $0.middleFrame == nil } == [false, true, false])
    #expect(!scan.samples.isEmpty)
    for sample in scan.samples {
      #expect(!(25..<50).contains(sample.index), "sampled blank frame \(sample.index)")
    }
  }

  @Test func tenSecondsAtTwoFramesPerSecond() throws {
    let clip = try TestClips.testPattern(seconds: 10)
    let scan = try VideoScanner().scan(clip.url)
    #expect(scan.samples.count == 20)
    for (index, sample) in scan.samples.enumerated() {
      #expect(abs(sample.time - Double(index) * 0.5) <= 0.021, "sample \(index) at \(sample.time) s")
      #expect(abs(Double(sample.index) - sample.time * 25) < 0.01)
      // 640×360 is within 720 and never enlarged.
      #expect(sample.image.width == 640 && sample.image.height == 360)
    }
  }

  @Test func samplesAreScaledAndCapped() throws {
    let clip = try TestClips.testPattern(seconds: 10)
    let scan = try VideoScanner(options: VideoScanOptions(sampleMaxSide: 320, maxSamples: 5)).scan(clip.url)
    // Twenty samples would exceed the cap of five, so the interval widens to 10 s ÷ 5 = 2 s.
    #expect(scan.samples.map { ($0.time * 10).rounded() / 10 } == [0, 2, 4, 6, 8])
    #expect(scan.samples.allSatisfy { $0.image.width == 320 && $0.image.height == 180 })
    #expect(scan.shots.count == 1)
    #expect(scan.shots[0].middleFrame?.image.width == 320)
  }

  @Test func shotsCoverEveryFrameAndKeepTheirMiddleFrame() throws {
    let clip = try TestClips.footage()
    let scan = try VideoScanner().scan(clip.url)
    #expect(scan.shots.first?.firstFrame == 0)
    #expect(scan.shots.last?.endFrame == clip.frameCount)
    for (shot, next) in zip(scan.shots, scan.shots.dropFirst()) {
      #expect(shot.endFrame == next.firstFrame)
      #expect(abs(shot.endTime - next.startTime) < 1e-9)
    }
    #expect(abs(scan.shots.last!.endTime - Double(clip.frameCount) / clip.frameRate) < 0.001)
    for shot in scan.shots {
      let middle = try #require(shot.middleFrame)
      // Shots of up to 64 frames thin the 16-frame reservoir to every 4th frame at most.
      #expect(abs(middle.index - (shot.firstFrame + (shot.frameCount - 1) / 2)) <= 2)
      #expect(abs(middle.time - Double(middle.index) / 25) < 0.001)
      #expect(middle.image.width == 320 && middle.image.height == 240)
    }
  }

  @Test func manyCutsKeepABoundedEvenlySpreadSetOfShotFrames() throws {
    let clip = try TestClips.manyCuts(seconds: 12, width: 320, height: 180)
    var options = VideoScanOptions()
    options.maxShotFrames = 8
    let scan = try VideoScanner(options: options).scan(clip.url)
    #expect(VideoScannerTests.cuts(scan) == clip.cutFrames)
    let kept = scan.shots.enumerated().filter { $0.element.middleFrame != nil }.map(\.offset)
    // 30 shots thin the reservoir to every 4th shot: 0, 4, …, 28.
    #expect(kept == Array(stride(from: 0, to: 30, by: 4)), "\(kept)")
    #expect(kept.count <= options.maxShotFrames)
  }

  @Test func shotFramesCanBeLeftOut() throws {
    var options = VideoScanOptions()
    options.maxShotFrames = 0
    let scan = try VideoScanner(options: options).scan(try TestClips.footage().url)
    #expect(scan.shots.count == 6 && scan.shots.allSatisfy { $0.middleFrame == nil })
    #expect(!scan.samples.isEmpty)
  }

  @Test func probeDescribesTheClip() throws {
    let info = try VideoInfo(contentsOf: try TestClips.footage().url)
    #expect(abs(info.duration - 9.6) < 0.05)
    #expect(info.frameRate == 25)
    #expect(info.width == 320 && info.height == 240)
    #expect(info.codecName == "h264")
    #expect(info.formatName.split(separator: ",").contains("mp4"))
    #expect(info.estimatedFrameCount == 240)
    #expect(!info.hasAudio)
    #expect(info.subtitleStreams.isEmpty)

    let megamind = try VideoInfo(contentsOf: VideoScannerTests.openCVSamples.appendingPathComponent("Megamind.avi"))
    #expect(megamind.formatName == "avi" && megamind.codecName == "mpeg4")
    #expect(megamind.estimatedFrameCount == 270 && megamind.hasAudio)
    #expect(abs(megamind.frameRate - 23.976) < 0.001)
  }

  /// Phones store portrait video as landscape frames plus a display matrix; samples come out the
  /// way FFmpeg's player shows them.
  @Test func displayMatrixTurnsSamples() throws {
    let clip = try TestClips.footage()
    let rotated = TestClips.scratchURL("rotated.mp4")
    try TestClips.ffmpeg(["-i", clip.url.path, "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated.path])
    let info = try VideoInfo(contentsOf: rotated)
    // FFmpeg 5.1 writes the tag as a matrix that its player turns a quarter counterclockwise.
    #expect(info.rotation == 270)
    #expect(info.width == 240 && info.height == 320)
    let upright = try VideoScanner().scan(clip.url)
    let turned = try VideoScanner().scan(rotated)
    #expect(turned.samples.count == upright.samples.count)
    #expect(turned.samples.first?.image == upright.samples.first?.image.rotated(quarterTurns: 3))
    #expect(turned.shots.map(\.firstFrame) == upright.shots.map(\.firstFrame))
    #expect(turned.shots.first?.middleFrame?.image.width == 240)
  }

  @Test func progressRisesToOneAndCancellationStops() throws {
    let clip = try TestClips.footage()
    var fractions: [Double] = []
    _ = try VideoScanner().scan(clip.url, progress: { fractions.append($0) })
    #expect(fractions.count > 10)
    #expect(zip(fractions, fractions.dropFirst()).allSatisfy { $0 < $1 })
    #expect(fractions.last == 1)

    var calls = 0
    #expect(throws: VideoError.cancelled) {
      try VideoScanner().scan(
        clip.url,
        isCancelled: {
          calls += 1
          return calls > 20
        }
      )
    }
    #expect(calls == 21)
  }

  @Test func cancelledTaskStopsTheScan() async throws {
    let clip = try TestClips.footage()
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try VideoScanner().scan(clip.url)
    }
    await #expect(throws: VideoError.cancelled) { try await task.value }
  }
}

@Suite(.offCooperativePool) struct EmbeddedSubtitleTests {
  static let expected = [
    SubtitleCue(start: 0.5, end: 1.8, text: "你好，世界！\nHello, world!"),
    SubtitleCue(start: 2.0, end: 3.25, text: "字幕测试 — subtitle test"),
    SubtitleCue(start: 3.3, end: 3.9, text: "第三条：「引号」、标点。"),
  ]

  static func expectCues(_ cues: [SubtitleCue]) {
    #expect(cues.map(\.text) == expected.map(\.text))
    for (cue, want) in zip(cues, expected) {
      #expect(abs(cue.start - want.start) < 0.0015 && abs(cue.end - want.end) < 0.0015, "\(cue) vs \(want)")
    }
  }

  @Test func subRipInMatroska() throws {
    let clip = try TestClips.subtitledMatroska()
    let info = try VideoInfo(contentsOf: clip.url)
    #expect(
      info.subtitleStreams == [SubtitleStreamInfo(index: 1, codecName: "subrip", language: "chi", isText: true)]
    )
    let scan = try VideoScanner().scan(clip.url)
    #expect(scan.subtitles.count == 1)
    #expect(scan.subtitles.first?.stream.language == "chi")
    Self.expectCues(scan.subtitles.first?.cues ?? [])
  }

  @Test func movTextInMP4() throws {
    let scan = try VideoScanner().scan(try TestClips.subtitledMP4().url)
    #expect(scan.subtitles.map(\.stream.codecName) == ["mov_text"])
    Self.expectCues(scan.subtitles.first?.cues ?? [])
    #expect(scan.decodedFrameCount == 100)
  }

  @Test func subtitlesCanBeLeftUnread() throws {
    let scan = try VideoScanner(options: VideoScanOptions(readsSubtitles: false)).scan(
      try TestClips.subtitledMatroska().url
    )
    #expect(scan.subtitles.isEmpty)
    #expect(scan.info.subtitleStreams.count == 1)
  }
}
