/// A small full-resolution-chroma Y′CbCr copy of a frame: what shot detection, the blank-frame
/// rule and the motion measure look at, so their cost does not grow with the video's resolution.
public struct FramePlanes: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public let luma: [UInt8]
  public let blueDifference: [UInt8]
  public let redDifference: [UInt8]

  /// The side of the square grid of cells that block means and the motion measure use.
  public static let gridSide = 8

  public init(width: Int, height: Int, luma: [UInt8], blueDifference: [UInt8], redDifference: [UInt8]) {
    precondition(width >= Self.gridSide && height >= Self.gridSide, "planes must be at least 8×8")
    precondition(
      luma.count == width * height && blueDifference.count == luma.count && redDifference.count == luma.count,
      "each plane must hold width × height samples"
    )
    self.width = width
    self.height = height
    self.luma = luma
    self.blueDifference = blueDifference
    self.redDifference = redDifference
  }

  /// Standard deviation of luma on the 0…255 scale.
  public var lumaStandardDeviation: Double {
    var sum = 0, sumOfSquares = 0
    for value in luma {
      sum += Int(value)
      sumOfSquares += Int(value) * Int(value)
    }
    let count = Double(luma.count)
    let mean = Double(sum) / count
    return max(0, Double(sumOfSquares) / count - mean * mean).squareRoot()
  }

  /// Mean of each grid cell of `plane`, row by row (`gridSide`² values on the 0…255 scale).
  func cellMeans(_ plane: [UInt8]) -> [Double] {
    let side = Self.gridSide
    var sums = [Int](repeating: 0, count: side * side)
    var counts = [Int](repeating: 0, count: side * side)
    plane.withUnsafeBufferPointer { samples in
      for y in 0..<height {
        let rowCell = (y * side / height) * side
        for x in 0..<width {
          let cell = rowCell + x * side / width
          sums[cell] += Int(samples[y * width + x])
          counts[cell] += 1
        }
      }
    }
    return zip(sums, counts).map { Double($0) / Double($1) }
  }

  /// The fraction of grid cells whose mean absolute luma difference from `previous` exceeds
  /// `threshold` (0…255 scale); `nil` when the two copies differ in size.
  public func changedCellFraction(from previous: FramePlanes, threshold: Double) -> Double? {
    guard previous.width == width, previous.height == height else { return nil }
    let side = Self.gridSide
    var sums = [Int](repeating: 0, count: side * side)
    var counts = [Int](repeating: 0, count: side * side)
    luma.withUnsafeBufferPointer { current in
      previous.luma.withUnsafeBufferPointer { before in
        for y in 0..<height {
          let rowCell = (y * side / height) * side
          for x in 0..<width {
            let cell = rowCell + x * side / width
            let index = y * width + x
            sums[cell] += abs(Int(current[index]) - Int(before[index]))
            counts[cell] += 1
          }
        }
      }
    }
    let changed = zip(sums, counts).filter { Double($0) / Double($1) > threshold }.count
    return Double(changed) / Double(side * side)
  }
}
