/// How `PixelBuffer.resized` samples the source.
public enum ResizeFilter: Sendable {
  /// Two-tap linear interpolation on pixel centres (OpenCV's INTER_LINEAR).
  case bilinear
  /// Box average over the covered source area when shrinking (OpenCV's INTER_AREA), which
  /// avoids aliasing; bilinear when enlarging.
  case area
}

/// For one axis: which source samples each output sample reads, and with what weights.
struct ResamplingTaps {
  var first: [Int] = []
  var counts: [Int] = []
  var weightOffsets: [Int] = []
  var weights: [Float] = []

  init(source: Int, destination: Int, filter: ResizeFilter) {
    let scale = Double(source) / Double(destination)
    for output in 0..<destination {
      weightOffsets.append(weights.count)
      if filter == .area && scale > 1 {
        let start = Double(output) * scale, end = start + scale
        let firstIndex = Int(start.rounded(.down)), lastIndex = min(Int((end - 1e-9).rounded(.down)), source - 1)
        first.append(firstIndex)
        counts.append(lastIndex - firstIndex + 1)
        for index in firstIndex...lastIndex {
          let overlap = min(end, Double(index + 1)) - max(start, Double(index))
          weights.append(Float(overlap / scale))
        }
      } else {
        let position = (Double(output) + 0.5) * scale - 0.5
        let lower = Int(position.rounded(.down))
        let fraction = Float(position - Double(lower))
        let left = min(max(lower, 0), source - 1), right = min(max(lower + 1, 0), source - 1)
        first.append(left)
        counts.append(right - left + 1)
        if right == left {
          weights.append(1)
        } else {
          weights.append(1 - fraction)
          weights.append(fraction)
        }
      }
    }
  }
}
