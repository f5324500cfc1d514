import LoupeMedia
import LoupeTestSupport
import Testing

/// The blank-frame and motion measures. On planes whose sides the grid does not divide, each
/// sample belongs to cell `(x · 8 / width, y · 8 / height)`, as a sample-by-sample reference
/// assigns it.
@Suite(.offCooperativePool) struct FramePlanesTests {
  static func uniform(_ value: UInt8, width: Int = 32, height: Int = 16) -> FramePlanes {
    let plane = [UInt8](repeating: value, count: width * height)
    return FramePlanes(width: width, height: height, luma: plane, blueDifference: plane, redDifference: plane)
  }

  @Test func uniformFramesHaveNoDeviation() {
    #expect(Self.uniform(0).lumaStandardDeviation == 0)
    #expect(Self.uniform(255).lumaStandardDeviation == 0)
    var luma = [UInt8](repeating: 0, count: 32 * 16)
    for index in stride(from: 0, to: luma.count, by: 2) { luma[index] = 200 }
    let halves = FramePlanes(width: 32, height: 16, luma: luma, blueDifference: luma, redDifference: luma)
    #expect(halves.lumaStandardDeviation == 100)
  }

  @Test func changedCellsAreCountedOnTheGrid() {
    let before = Self.uniform(100)
    var luma = before.luma
    // One 4×2 cell of the 32×16 frame (cells are 4 wide and 2 high) brightened by 10.
    for y in 0..<2 { for x in 28..<32 { luma[y * 32 + x] = 110 } }
    let after = FramePlanes(width: 32, height: 16, luma: luma, blueDifference: luma, redDifference: luma)
    #expect(after.changedCellFraction(from: before, threshold: 2) == 1.0 / 64)
    #expect(after.changedCellFraction(from: before, threshold: 10) == 0)
    #expect(after.changedCellFraction(from: Self.uniform(100, width: 64), threshold: 2) == nil)
  }

  static func noise(width: Int, height: Int, generator: inout SplitMix64) -> [UInt8] {
    (0..<width * height).map { _ in UInt8.random(in: 0...255, using: &generator) }
  }

  /// Mean absolute difference per cell, assigned sample by sample.
  static func referenceCellDifferences(_ a: [UInt8], _ b: [UInt8], width: Int, height: Int) -> [Double] {
    let side = FramePlanes.gridSide
    var sums = [Int](repeating: 0, count: side * side), counts = sums
    for y in 0..<height {
      for x in 0..<width {
        let cell = (y * side / height) * side + x * side / width
        sums[cell] += abs(Int(a[y * width + x]) - Int(b[y * width + x]))
        counts[cell] += 1
      }
    }
    return zip(sums, counts).map { Double($0) / Double($1) }
  }

  @Test(arguments: [(8, 8), (13, 11), (100, 57), (128, 72)])
  func changedCellsMatchASampleBySampleReference(width: Int, height: Int) {
    var generator = SplitMix64(seed: UInt64(width * 1000 + height))
    let before = Self.noise(width: width, height: height, generator: &generator)
    let after = Self.noise(width: width, height: height, generator: &generator)
    let planes = { (luma: [UInt8]) in
      FramePlanes(width: width, height: height, luma: luma, blueDifference: luma, redDifference: luma)
    }
    let differences = Self.referenceCellDifferences(after, before, width: width, height: height).sorted()
    // Thresholds between the cells' own values, so that every cell counts on one side exactly.
    for index in stride(from: 0, to: differences.count - 1, by: 7) {
      let threshold = (differences[index] + differences[index + 1]) / 2
      let expected = Double(differences.filter { $0 > threshold }.count) / Double(differences.count)
      #expect(planes(after).changedCellFraction(from: planes(before), threshold: threshold) == expected)
    }
  }
}
