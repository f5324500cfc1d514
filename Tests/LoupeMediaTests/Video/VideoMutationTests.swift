import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

/// Damaged videos must scan or fail with a `VideoError`: never crash, hang or throw anything else.
@Suite(.offCooperativePool) struct VideoMutationTests {
  @Test(arguments: ["footage.mp4", "subtitled.mkv"])
  func damagedFilesNeverCrash(name: String) throws {
    let source = name == "footage.mp4" ? try TestClips.footage() : try TestClips.subtitledMatroska()
    let original = [UInt8](try Data(contentsOf: source.url))
    var generator = SplitMix64(seed: UInt64(name.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
    var outcomes = (scanned: 0, failed: 0)
    for round in 0..<16 {
      var bytes = original
      switch round % 4 {
      case 0:  // cut at a growing fraction of the file
        bytes = Array(bytes.prefix(max(1, bytes.count * (round + 1) / 17)))
      case 1:  // flip bytes anywhere after the first few
        for _ in 0..<12 {
          let index = Int.random(in: 16..<bytes.count, using: &generator)
          bytes[index] ^= UInt8.random(in: 1...255, using: &generator)
        }
      case 2:  // overwrite a run near the start, header included
        let start = Int.random(in: 0..<4096, using: &generator)
        for index in start..<min(bytes.count, start + 64) {
          bytes[index] = UInt8.random(in: 0...255, using: &generator)
        }
      default:  // overwrite a run in the middle
        let start = Int.random(in: bytes.count / 4..<bytes.count * 3 / 4, using: &generator)
        for index in start..<min(bytes.count, start + 4096) {
          bytes[index] = UInt8.random(in: 0...255, using: &generator)
        }
      }
      let url = TestClips.scratchURL("damaged-\(round)-\(name)")
      try Data(bytes).write(to: url)
      do {
        let scan = try VideoScanner().scan(url)
        #expect(scan.decodedFrameCount > 0)
        #expect(scan.shots.last?.endFrame == scan.decodedFrameCount)
        outcomes.scanned += 1
      } catch is VideoError {
        outcomes.failed += 1
      }
      try? FileManager.default.removeItem(at: url)
    }
    #expect(outcomes.scanned + outcomes.failed == 16)
    #expect(outcomes.failed > 0, "damage was never detected")
  }

  /// OpenCV's deliberately broken copy of the Megamind clip.
  @Test func openCVsBuggyClip() throws {
    let url = URL(fileURLWithPath: "/usr/share/doc/opencv-doc/examples/data/Megamind_bugy.avi")
    do {
      let scan = try VideoScanner().scan(url)
      #expect(scan.decodedFrameCount > 0)
    } catch is VideoError {}
  }
}
