/// Per-channel mean and standard deviation of an image region.
public struct ChannelStatistics: Sendable, Equatable {
  public var means: [Float]
  /// Population standard deviations (divided by the total weight).
  public var standardDeviations: [Float]

  public init(means: [Float], standardDeviations: [Float]) {
    self.means = means
    self.standardDeviations = standardDeviations
  }
}

extension FloatImage {
  /// The statistics of every pixel, each weighted by its `region` value (all pixels when
  /// `region` is `nil`); `nil` when the region is empty or its size differs from the image's.
  public func channelStatistics(in region: Mask? = nil) -> ChannelStatistics? {
    if let region, !hasSameSize(as: region) { return nil }
    let channels = channels
    var sums = [Double](repeating: 0, count: channels)
    var squares = [Double](repeating: 0, count: channels)
    var totalWeight = 0.0
    samples.withUnsafeBufferPointer { samples in
      for pixel in 0..<pixelCount {
        let weight = Double(region?.values[pixel] ?? 1)
        guard weight > 0 else { continue }
        totalWeight += weight
        for channel in 0..<channels {
          let value = Double(samples[pixel * channels + channel])
          sums[channel] += weight * value
          squares[channel] += weight * value * value
        }
      }
    }
    guard totalWeight > 1e-9 else { return nil }
    let means = sums.map { $0 / totalWeight }
    let deviations = zip(squares, means).map { square, mean in max(0, square / totalWeight - mean * mean).squareRoot() }
    return ChannelStatistics(means: means.map(Float.init), standardDeviations: deviations.map(Float.init))
  }
}
