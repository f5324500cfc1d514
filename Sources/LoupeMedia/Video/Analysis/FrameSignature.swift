/// What shot detection compares between consecutive frames: colour histograms, which ignore where
/// things are (robust to motion), and a colour layout of block means, which tells apart shots
/// with similar colours.
public struct FrameSignature: Sendable, Equatable {
  /// Normalised histograms: luma in 32 bins, then Cb and Cr in 16 bins each.
  let histograms: [[Double]]
  /// Grid-cell means of Y, Cb and Cr, on the 0…255 scale.
  let layout: [Double]

  static let lumaBins = 32
  static let chromaBins = 16

  public init(_ planes: FramePlanes) {
    histograms = [
      Self.histogram(planes.luma, bins: Self.lumaBins),
      Self.histogram(planes.blueDifference, bins: Self.chromaBins),
      Self.histogram(planes.redDifference, bins: Self.chromaBins),
    ]
    layout =
      planes.cellMeans(planes.luma) + planes.cellMeans(planes.blueDifference)
      + planes.cellMeans(planes.redDifference)
  }

  private static func histogram(_ plane: [UInt8], bins: Int) -> [Double] {
    var counts = [Int](repeating: 0, count: bins)
    let shift = 8 - bins.trailingZeroBitCount
    counts.withUnsafeMutableBufferPointer { counts in
      plane.withUnsafeBufferPointer { samples in
        for value in samples { counts[Int(value) >> shift] += 1 }
      }
    }
    return counts.map { Double($0) / Double(plane.count) }
  }

  /// How different two frames look, 0 (identical) … 1: the mean of the histogram distance (half
  /// the L1 distance, averaged over Y, Cb and Cr) and the layout distance (mean absolute
  /// difference of the block means, over 255). Cuts between unrelated shots score 0.07–0.5;
  /// motion within a shot stays around 0.01.
  public func difference(from other: FrameSignature) -> Double {
    var histogramDistance = 0.0
    for (mine, theirs) in zip(histograms, other.histograms) {
      histogramDistance += 0.5 * zip(mine, theirs).reduce(0) { $0 + abs($1.0 - $1.1) }
    }
    histogramDistance /= Double(histograms.count)
    let layoutDistance =
      zip(layout, other.layout).reduce(0) { $0 + abs($1.0 - $1.1) } / (255 * Double(layout.count))
    return (histogramDistance + layoutDistance) / 2
  }
}
