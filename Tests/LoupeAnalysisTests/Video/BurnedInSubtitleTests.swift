import LoupeAnalysis
import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct BurnedInSubtitleTests {
  static let inference = InferenceOptions(precision: .f32, threads: 2)

  /// Each burned-in line becomes one event, its start and end within half a second of the cue's.
  @Test func eachLineOnceWithinHalfASecond() async throws {
    let clip = try TestClips.burnedInSubtitles()
    let reader = try BurnedInSubtitleReader.live(
      dependencies: InstalledDependencies.directory,
      inference: Self.inference
    )
    var options = VideoScanOptions()
    options.maxSamples = 1
    options.maxShotFrames = 0
    let scanner = VideoScanner(options: options)
    let scan = try await offCooperativePool { try scanner.scan(clip.url, frames: reader.readBlocking) }
    #expect(scan.subtitles.allSatisfy { $0.cues.isEmpty })
    let events = reader.events()
    #expect(events.map(\.text) == TestClips.burnedInCues.map(\.text), "\(events)")
    for (event, cue) in zip(events, TestClips.burnedInCues) {
      #expect(abs(event.start - cue.start) <= 0.5 && abs(event.end - cue.end) <= 0.5, "\(event) vs \(cue)")
      #expect(event.source == .ocr && event.confidence > 0.8)
    }
    let cost = reader.cost
    #expect(cost.bands == 2 * Int((9.6 / reader.interval).rounded(.up)))
    print(
      "burned-in OCR: \(cost.read) of \(cost.bands) bands read, \(Int(cost.seconds * 1000 / Double(max(cost.read, 1)))) ms each"
    )
  }

  /// Footage without burned-in text gives no events.
  @Test func footageWithoutTextGivesNothing() async throws {
    let clip = try TestClips.footage()
    let reader = try BurnedInSubtitleReader.live(
      dependencies: InstalledDependencies.directory,
      inference: Self.inference
    )
    var options = VideoScanOptions()
    options.maxSamples = 1
    options.maxShotFrames = 0
    let scanner = VideoScanner(options: options)
    _ = try await offCooperativePool { try scanner.scan(clip.url, frames: reader.readBlocking) }
    #expect(reader.events().isEmpty)
  }
}
