extension LumaPlane {
  /// JPEG's block grid: the mean luma step across the 8-pixel grid (between columns 7 and 8,
  /// 15 and 16, ..., and likewise rows) over the largest mean step at any of the other seven
  /// phases. About 1 or below without JPEG loss, rising as the quality drops.
  ///
  /// Comparing with the largest other phase rather than the average keeps resampling out: an
  /// image scaled up by 2, 3, 4 or 6 repeats its own pattern with that period, which puts the
  /// grid phase level with another phase instead of above the average. Measured where the grid
  /// lies, at the image's own resolution.
  var blockiness: Double {
    let period = 8
    var sums = [Int](repeating: 0, count: period)
    var counts = [Int](repeating: 0, count: period)
    values.withUnsafeBufferPointer { values in
      for y in 0..<height {
        let row = y * width
        for x in 0..<width {
          let here = Int(values[row + x])
          if x + 1 < width {
            let step = Int(values[row + x + 1]) - here
            sums[x % period] += step < 0 ? -step : step
            counts[x % period] += 1
          }
          if y + 1 < height {
            let step = Int(values[row + width + x]) - here
            sums[y % period] += step < 0 ? -step : step
            counts[y % period] += 1
          }
        }
      }
    }
    let means = (0..<period).map { counts[$0] > 0 ? Double(sums[$0]) / Double(counts[$0]) : 0 }
    guard let others = means.dropLast().max(), others > 0 else { return 1 }
    return means[period - 1] / others
  }
}
