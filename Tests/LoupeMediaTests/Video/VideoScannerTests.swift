import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@Suite struct VideoScannerTests {
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
