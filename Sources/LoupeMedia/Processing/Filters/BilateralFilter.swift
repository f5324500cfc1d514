import Foundation

extension FloatImage {
  /// Edge-preserving smoothing by the bilateral filter (Tomasi and Manduchi 1998): each pixel
  /// becomes the average of its neighbours within ⌈2σs⌉ pixels, weighted by
  /// `exp(−d²/2σs²) · exp(−Δ²/2σr²)`, where `d` is the distance in pixels and `Δ` the Euclidean
  /// distance between the two pixels' colours over all channels together (so channels cannot
  /// drift apart and fringe). Differences well above `rangeSigma` (in sample units, 0…255)
  /// get almost no weight, so edges of that contrast survive while noise below it averages
  /// out. Chosen over the guided filter for its direct control: `rangeSigma` is the contrast
  /// that survives, so skin smoothing can flatten blemishes (a few levels) and keep eyes, brows
  /// and lips (tens of levels). Non-positive or non-finite sigmas return the image.
  public func bilateralFiltered(spatialSigma: Float = 3, rangeSigma: Float = 20) -> FloatImage {
    guard spatialSigma > 0, rangeSigma > 0, spatialSigma.isFinite, rangeSigma.isFinite, !isEmpty else { return self }
    // A window wider than the image adds only copies of its edge pixels.
    let radius = Int(min(max(1, (2 * spatialSigma).rounded(.up)), Float(max(width, height))))
    let channels = channels, paddedWidth = width + 2 * radius
    let padded = paddedSamples(radius: radius)

    var spatial: [Float] = []
    var offsets: [Int] = []
    for dy in -radius...radius {
      for dx in -radius...radius where dx * dx + dy * dy <= radius * radius {
        spatial.append(expf(-Float(dx * dx + dy * dy) / (2 * spatialSigma * spatialSigma)))
        offsets.append((dy * paddedWidth + dx) * channels)
      }
    }
    // The range weight, tabulated over Δ² up to (4σr)² (beyond it the weight is below 3.4e-4
    // and counts as 0), so the inner loop needs no exponential.
    let tableSize = 4096
    let tableScale = Float(tableSize) / (16 * rangeSigma * rangeSigma)
    let range = (0..<tableSize).map { expf(-(Float($0) + 0.5) / tableScale / (2 * rangeSigma * rangeSigma)) }

    var output = self
    let taps = offsets.count
    output.samples.withUnsafeMutableBufferPointer { target in
      padded.withUnsafeBufferPointer { source in
        spatial.withUnsafeBufferPointer { spatial in
          offsets.withUnsafeBufferPointer { offsets in
            range.withUnsafeBufferPointer { range in
              withUnsafeTemporaryAllocation(of: Float.self, capacity: channels) { sums in
                for y in 0..<height {
                  for x in 0..<width {
                    let centre = ((y + radius) * paddedWidth + x + radius) * channels
                    for channel in 0..<channels { sums[channel] = 0 }
                    var totalWeight: Float = 0
                    for tap in 0..<taps {
                      let neighbour = centre + offsets[tap]
                      var distance: Float = 0
                      for channel in 0..<channels {
                        let difference = source[neighbour + channel] - source[centre + channel]
                        distance += difference * difference
                      }
                      // Written so NaN samples fail the test too, instead of trapping in `Int`.
                      let scaled = distance * tableScale
                      guard scaled < Float(tableSize) else { continue }
                      let weight = spatial[tap] * range[Int(scaled)]
                      totalWeight += weight
                      for channel in 0..<channels { sums[channel] += weight * source[neighbour + channel] }
                    }
                    // The centre tap always has weight 1, so the total is never zero.
                    let index = (y * width + x) * channels
                    for channel in 0..<channels { target[index + channel] = sums[channel] / totalWeight }
                  }
                }
              }
            }
          }
        }
      }
    }
    return output
  }

  /// Light edge-preserving noise reduction for photos: a bilateral filter with σs = 1.5 px and
  /// σr = 12 × `strength` levels, which flattens sensor noise and JPEG speckle (a few levels)
  /// and leaves texture and edges of more contrast than that. `strength` 0 returns the image.
  public func denoised(strength: Float = 1) -> FloatImage {
    bilateralFiltered(spatialSigma: 1.5, rangeSigma: 12 * strength)
  }

  /// The samples with `radius` copies of the nearest edge pixel around all four sides.
  func paddedSamples(radius: Int) -> [Float] {
    let paddedWidth = width + 2 * radius, paddedHeight = height + 2 * radius
    var padded = [Float](repeating: 0, count: paddedWidth * paddedHeight * channels)
    samples.withUnsafeBufferPointer { source in
      padded.withUnsafeMutableBufferPointer { target in
        for y in 0..<paddedHeight {
          let sourceY = min(max(y - radius, 0), height - 1)
          for x in 0..<paddedWidth {
            let sourceX = min(max(x - radius, 0), width - 1)
            let from = (sourceY * width + sourceX) * channels, to = (y * paddedWidth + x) * channels
            for channel in 0..<channels { target[to + channel] = source[from + channel] }
          }
        }
      }
    }
    return padded
  }
}
