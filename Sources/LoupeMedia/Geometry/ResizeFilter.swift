import Foundation

/// How `PixelBuffer.resized` samples the source.
public enum ResizeFilter: Sendable {
  /// Two-tap linear interpolation on pixel centres (OpenCV's INTER_LINEAR).
  case bilinear
  /// Box average over the covered source area when shrinking (OpenCV's INTER_AREA), which
  /// avoids aliasing; bilinear when enlarging.
  case area
  /// Keys' cubic convolution with a = −0.5 (Catmull–Rom): 4 taps when enlarging, sharper than
  /// bilinear with a slight overshoot at edges; stretched by the scale when shrinking.
  case bicubic
  /// Lanczos windowed sinc with 3 lobes: 6 taps when enlarging, the sharpest of these for
  /// upscaling smooth detail, with a little ringing at hard edges; stretched when shrinking.
  case lanczos3
}

/// The interpolation kernels of the convolution filters.
private enum ConvolutionKernel {
  case cubic
  case lanczos3

  init?(_ filter: ResizeFilter) {
    switch filter {
    case .bilinear, .area: return nil
    case .bicubic: self = .cubic
    case .lanczos3: self = .lanczos3
    }
  }

  /// The half-width in source pixels when enlarging.
  var support: Double {
    switch self {
    case .cubic: 2
    case .lanczos3: 3
    }
  }

  func weight(at x: Double) -> Double {
    let t = abs(x)
    switch self {
    case .cubic:
      let a = -0.5
      return t < 1 ? ((a + 2) * t - (a + 3)) * t * t + 1 : t < 2 ? ((a * t - 5 * a) * t + 8 * a) * t - 4 * a : 0
    case .lanczos3:
      guard t > 0 else { return 1 }
      guard t < 3 else { return 0 }
      let px = Double.pi * t
      return 3 * sin(px) * sin(px / 3) / (px * px)
    }
  }
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
      if let kernel = ConvolutionKernel(filter) {
        // Enlarging samples the kernel at source spacing; shrinking stretches it to the output
        // spacing so it low-passes. Taps beyond the edges fold onto the edge sample.
        let stretch = max(scale, 1), centre = (Double(output) + 0.5) * scale - 0.5
        let low = Int((centre - kernel.support * stretch).rounded(.up))
        let high = Int((centre + kernel.support * stretch).rounded(.down))
        let firstIndex = min(max(low, 0), source - 1), lastIndex = min(max(high, 0), source - 1)
        var taps = [Double](repeating: 0, count: lastIndex - firstIndex + 1)
        for index in low...max(low, high) {
          taps[min(max(index, 0), source - 1) - firstIndex] += kernel.weight(at: (Double(index) - centre) / stretch)
        }
        let total = taps.reduce(0, +)
        first.append(firstIndex)
        counts.append(taps.count)
        weights.append(contentsOf: taps.map { Float($0 / total) })
      } else if filter == .area && scale > 1 {
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
