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
    plane.withUnsafeBufferPointer { samples in
      cellTotals { x, y in Int(samples[y * width + x]) }.map { Double($0.sum) / Double($0.count) }
    }
  }

  /// The fraction of grid cells whose mean absolute luma difference from `previous` exceeds
  /// `threshold` (0…255 scale); `nil` when the two copies differ in size.
  public func changedCellFraction(from previous: FramePlanes, threshold: Double) -> Double? {
    guard previous.width == width, previous.height == height else { return nil }
    let changed = luma.withUnsafeBufferPointer { current in
      previous.luma.withUnsafeBufferPointer { before in
        cellTotals { x, y in abs(Int(current[y * width + x]) - Int(before[y * width + x])) }
          .filter { Double($0.sum) / Double($0.count) > threshold }.count
      }
    }
    return Double(changed) / Double(Self.gridSide * Self.gridSide)
  }

  /// The sum of `value` over each grid cell, and the cell's sample count, row by row. Sample
  /// `(x, y)` lies in cell `(x · side / width, y · side / height)`; each cell is walked as its
  /// own rectangle, which spares a division per sample (every frame of every scan comes here).
  private func cellTotals(_ value: (_ x: Int, _ y: Int) -> Int) -> [(sum: Int, count: Int)] {
    let side = Self.gridSide
    // The first x with x · side / width ≥ cell: ⌈cell · width / side⌉.
    let columns = (0...side).map { ($0 * width + side - 1) / side }
    let rows = (0...side).map { ($0 * height + side - 1) / side }
    var totals: [(sum: Int, count: Int)] = []
    totals.reserveCapacity(side * side)
    for cellRow in 0..<side {
      for cellColumn in 0..<side {
        var sum = 0
        for y in rows[cellRow]..<rows[cellRow + 1] {
          for x in columns[cellColumn]..<columns[cellColumn + 1] { sum += value(x, y) }
        }
        let count = (rows[cellRow + 1] - rows[cellRow]) * (columns[cellColumn + 1] - columns[cellColumn])
        totals.append((sum, count))
      }
    }
    return totals
  }
}
