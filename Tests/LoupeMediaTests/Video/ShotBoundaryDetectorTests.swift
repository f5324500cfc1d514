import LoupeMedia
import LoupeTestSupport
import Testing

/// The detector on synthetic frames: textured shots in distinct colours, with motion and noise.
@Suite(.offCooperativePool) struct ShotBoundaryDetectorTests {
  /// A 64×48 frame: a diagonal luma ramp shifted by `shift` pixels, around a shot's base colour,
  /// with `noise` grey levels of deterministic noise.
  static func planes(
    base: (y: Int, cb: Int, cr: Int),
    shift: Int,
    brightness: Double = 1,
    noise: Int = 3,
    generator: inout SplitMix64
  ) -> FramePlanes {
    let width = 64, height = 48
    var luma: [UInt8] = [], blue: [UInt8] = [], red: [UInt8] = []
    for y in 0..<height {
      for x in 0..<width {
        let ramp = ((x + shift) * 3 + y * 2) % 96 - 48
        let jitter = Int.random(in: -noise...noise, using: &generator)
        luma.append(UInt8(clamping: Int(Double(base.y + ramp + jitter) * brightness)))
        blue.append(UInt8(clamping: base.cb + (x + shift) / 16))
        red.append(UInt8(clamping: base.cr - y / 16))
      }
    }
    return FramePlanes(width: width, height: height, luma: luma, blueDifference: blue, redDifference: red)
  }

  static let colours = [
    (y: 90, cb: 110, cr: 150), (y: 160, cb: 140, cr: 120), (y: 120, cb: 90, cr: 100), (y: 70, cb: 150, cr: 140),
  ]

  static func run(
    _ frames: [FramePlanes],
    options: ShotDetectionOptions = ShotDetectionOptions()
  )
    -> [ShotBoundaryDetector.Verdict]
  {
    var detector = ShotBoundaryDetector(options: options)
    var verdicts: [ShotBoundaryDetector.Verdict] = []
    for planes in frames { verdicts += detector.append(FrameSignature(planes)) }
    return verdicts + detector.finish()
  }

  @Test func cutsBetweenMovingShotsAreFoundExactly() {
    var generator = SplitMix64(seed: 1)
    let lengths = [30, 12, 45, 20]
    var frames: [FramePlanes] = []
    for (shot, length) in lengths.enumerated() {
      for frame in 0..<length {
        frames.append(Self.planes(base: Self.colours[shot], shift: frame * 2, generator: &generator))
      }
    }
    let verdicts = Self.run(frames)
    #expect(verdicts.map(\.frame) == Array(0..<frames.count))
    #expect(verdicts.filter(\.startsShot).map(\.frame) == [0, 30, 42, 87])
  }

  @Test func fadeToBlackIsNoCut() {
    var generator = SplitMix64(seed: 2)
    var frames: [FramePlanes] = []
    for frame in 0..<60 {
      let brightness = frame < 20 ? 1 : max(0, 1 - Double(frame - 20) / 30)
      frames.append(Self.planes(base: Self.colours[0], shift: frame, brightness: brightness, generator: &generator))
    }
    #expect(Self.run(frames).filter(\.startsShot).map(\.frame) == [0])
  }

  @Test func cutsCloserThanTheMinimumShotLengthCollapse() {
    var generator = SplitMix64(seed: 3)
    var frames: [FramePlanes] = []
    for (shot, length) in [20, 4, 20].enumerated() {
      for frame in 0..<length {
        frames.append(Self.planes(base: Self.colours[shot], shift: frame, generator: &generator))
      }
    }
    #expect(Self.run(frames).filter(\.startsShot).map(\.frame) == [0, 20])
    let short = ShotDetectionOptions(minimumShotLength: 3)
    #expect(Self.run(frames, options: short).filter(\.startsShot).map(\.frame) == [0, 20, 24])
  }

  @Test func verdictsWaitForTheLookAheadWindow() {
    var generator = SplitMix64(seed: 4)
    var detector = ShotBoundaryDetector()
    var decided: [Int] = []
    for frame in 0..<10 {
      decided += detector.append(
        FrameSignature(Self.planes(base: Self.colours[0], shift: frame, generator: &generator))
      ).map(\.frame)
      #expect(decided == Array(0..<max(0, frame + 1 - 2)))
    }
    #expect(detector.finish().map(\.frame) == [8, 9])
  }

  @Test func identicalFramesScoreZeroAndUnrelatedOnesHigh() {
    var generator = SplitMix64(seed: 5)
    let a = FrameSignature(Self.planes(base: Self.colours[0], shift: 0, noise: 0, generator: &generator))
    let b = FrameSignature(Self.planes(base: Self.colours[1], shift: 0, noise: 0, generator: &generator))
    #expect(a.difference(from: a) == 0)
    #expect(a.difference(from: b) > 0.1)
    #expect(a.difference(from: b) == b.difference(from: a))
  }
}

@Suite(.offCooperativePool) struct FrameReservoirTests {
  @Test(arguments: [1, 2, 15, 16, 17, 31, 100, 999, 12_345])
  func keepsFewFramesAndOneNearTheMiddle(length: Int) {
    var reservoir = FrameReservoir<Int>(capacity: 16)
    for offset in 0..<length {
      reservoir.insert(offset, at: offset)
      #expect(reservoir.count <= 16)
    }
    let middle = (length - 1) / 2
    let picked = reservoir.nearest(to: middle)!
    #expect(abs(picked - middle) <= reservoir.stride / 2, "picked \(picked) for \(middle), stride \(reservoir.stride)")
    // The stride doubles only once 16 frames span it, so it stays as fine as the capacity allows.
    #expect(reservoir.stride == 1 || reservoir.stride * 8 <= length - 1)
  }

  @Test func wantsOnlyWhatItWouldKeep() {
    var reservoir = FrameReservoir<Int>(capacity: 4)
    for offset in 0..<4 { reservoir.insert(offset, at: offset) }
    // Full at stride 1: the next insert thins to even offsets, so odd ones are not wanted.
    #expect(!reservoir.wants(offset: 5))
    #expect(reservoir.wants(offset: 4))
    reservoir.insert(5, at: 5)
    #expect(reservoir.count == 4 && reservoir.stride == 1)
    reservoir.insert(4, at: 4)
    #expect(reservoir.stride == 2)
    #expect(reservoir.count == 3)
    #expect(reservoir.nearest(to: 3) == 2)
    #expect(FrameReservoir<Int>().nearest(to: 0) == nil)
  }
}
