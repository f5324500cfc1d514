extension Mask {
  /// Grey-scale erosion by a disc of `radius` pixels: each value becomes the minimum within
  /// that distance, so selections shrink by `radius` (pixels beyond the image are ignored, so
  /// a selection touching the border does not shrink away from it). A radius below 1 returns
  /// the mask.
  public func eroded(radius: Int) -> Mask {
    morphed(radius: radius, identity: 1, min)
  }

  /// Grey-scale dilation by a disc of `radius` pixels: each value becomes the maximum within
  /// that distance, so selections grow by `radius`. A radius below 1 returns the mask.
  public func dilated(radius: Int) -> Mask {
    morphed(radius: radius, identity: 0, max)
  }

  /// The disc is the union of horizontal runs, one per row offset `dy`, of half-width
  /// ⌊√(r² − dy²)⌋; each distinct half-width is one running-extremum pass over every row
  /// (van Herk 1992, Gil and Werman 1993: three comparisons per pixel whatever the width), and
  /// every output then takes the extremum of 2r + 1 precomputed runs: O(r) per pixel.
  private func morphed(radius: Int, identity: Float, _ pick: (Float, Float) -> Float) -> Mask {
    guard radius >= 1, !isEmpty else { return self }
    // Beyond the image's diagonal a larger disc reaches no further pixel.
    let radius = min(radius, width + height)
    var output = [Float](repeating: identity, count: values.count)
    var runs = [Float](repeating: 0, count: values.count)
    // Rows of the disc further than the image is tall reach no pixel.
    let reach = min(radius, height - 1)
    let halfWidths = (-reach...reach).map { dy in Int(Double(radius * radius - dy * dy).squareRoot()) }
    for halfWidth in Set(halfWidths).sorted() {
      runExtrema(halfWidth: halfWidth, identity: identity, pick, into: &runs)
      runs.withUnsafeBufferPointer { runs in
        output.withUnsafeMutableBufferPointer { output in
          for (offset, rowHalfWidth) in halfWidths.enumerated() where rowHalfWidth == halfWidth {
            let dy = offset - reach
            for y in max(0, -dy)..<min(height, height - dy) {
              let target = y * width, source = (y + dy) * width
              for x in 0..<width { output[target + x] = pick(output[target + x], runs[source + x]) }
            }
          }
        }
      }
    }
    return Mask(width: width, height: height, unclampedValues: output)
  }

  /// `runs[x, y]` = extremum of row `y` over `x − halfWidth … x + halfWidth`.
  private func runExtrema(
    halfWidth: Int,
    identity: Float,
    _ pick: (Float, Float) -> Float,
    into runs: inout [Float]
  ) {
    let window = 2 * halfWidth + 1
    // Padded with `halfWidth` identities in front and enough behind to fill the last block.
    let blocks = (width + 2 * halfWidth + window - 1) / window
    let length = blocks * window
    var forward = [Float](repeating: identity, count: length)
    var backward = [Float](repeating: identity, count: length)
    values.withUnsafeBufferPointer { values in
      forward.withUnsafeMutableBufferPointer { forward in
        backward.withUnsafeMutableBufferPointer { backward in
          runs.withUnsafeMutableBufferPointer { runs in
            for y in 0..<height {
              let row = y * width
              for index in 0..<length {
                let x = index - halfWidth
                let value = x >= 0 && x < width ? values[row + x] : identity
                forward[index] = index % window == 0 ? value : pick(forward[index - 1], value)
              }
              for index in stride(from: length - 1, through: 0, by: -1) {
                let x = index - halfWidth
                let value = x >= 0 && x < width ? values[row + x] : identity
                backward[index] = index % window == window - 1 ? value : pick(backward[index + 1], value)
              }
              // Window [x, x + 2·halfWidth] in padded indices spans at most two blocks.
              for x in 0..<width {
                runs[row + x] = pick(backward[x], forward[x + 2 * halfWidth])
              }
            }
          }
        }
      }
    }
  }
}
