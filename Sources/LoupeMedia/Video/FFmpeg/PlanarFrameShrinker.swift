internal import CFFmpeg

/// The analysis copy of a planar 8-bit Y′CbCr frame (4:2:0, 4:2:2, 4:4:4; what nearly every
/// video decodes to) by box-averaging the decoder's planes directly. Shrinking ~15× with
/// swscale's area filter cost as much CPU as decoding the frame; summing the planes costs a few
/// percent. Full-range sources are mapped to limited range, as swscale does for this output, so
/// the two paths agree and the thresholds hold for both. Other formats, and frames too small to
/// shrink by at least 2×, return `nil`: the caller uses swscale.
enum PlanarFrameShrinker {
  static func planes(_ frame: UnsafeMutablePointer<AVFrame>, width: Int, height: Int) -> FramePlanes? {
    let source = frame.pointee
    guard let layout = Layout(AVPixelFormat(source.format)) else { return nil }
    let sourceWidth = Int(source.width), sourceHeight = Int(source.height)
    let chromaWidth = (sourceWidth + (1 << layout.chromaShiftX) - 1) >> layout.chromaShiftX
    let chromaHeight = (sourceHeight + (1 << layout.chromaShiftY) - 1) >> layout.chromaShiftY
    // 16-bit column totals hold up to 257 rows of 255: far more than a band of any allowed frame.
    guard sourceWidth >= 2 * width, sourceHeight >= 2 * height, chromaWidth >= width, chromaHeight >= height,
      sourceHeight / height < 257,
      let lumaPlane = source.data.0, let blueDifferencePlane = source.data.1, let redDifferencePlane = source.data.2
    else { return nil }
    let fullRange = layout.isFullRange || source.color_range == AVCOL_RANGE_JPEG
    let luma = shrink(
      lumaPlane,
      stride: Int(source.linesize.0),
      width: sourceWidth,
      height: sourceHeight,
      to: (width, height),
      range: fullRange ? .fullToLimitedLuma : .unchanged
    )
    let chromaRange: RangeMapping = fullRange ? .fullToLimitedChroma : .unchanged
    let blueDifference = shrink(
      blueDifferencePlane,
      stride: Int(source.linesize.1),
      width: chromaWidth,
      height: chromaHeight,
      to: (width, height),
      range: chromaRange
    )
    let redDifference = shrink(
      redDifferencePlane,
      stride: Int(source.linesize.2),
      width: chromaWidth,
      height: chromaHeight,
      to: (width, height),
      range: chromaRange
    )
    return FramePlanes(
      width: width,
      height: height,
      luma: luma,
      blueDifference: blueDifference,
      redDifference: redDifference
    )
  }

  private struct Layout {
    var chromaShiftX: Int
    var chromaShiftY: Int
    var isFullRange: Bool

    init?(_ format: AVPixelFormat) {
      switch format {
      case AV_PIX_FMT_YUV420P: self.init(chromaShiftX: 1, chromaShiftY: 1, isFullRange: false)
      case AV_PIX_FMT_YUVJ420P: self.init(chromaShiftX: 1, chromaShiftY: 1, isFullRange: true)
      case AV_PIX_FMT_YUV422P: self.init(chromaShiftX: 1, chromaShiftY: 0, isFullRange: false)
      case AV_PIX_FMT_YUVJ422P: self.init(chromaShiftX: 1, chromaShiftY: 0, isFullRange: true)
      case AV_PIX_FMT_YUV444P: self.init(chromaShiftX: 0, chromaShiftY: 0, isFullRange: false)
      case AV_PIX_FMT_YUVJ444P: self.init(chromaShiftX: 0, chromaShiftY: 0, isFullRange: true)
      default: return nil
      }
    }

    init(chromaShiftX: Int, chromaShiftY: Int, isFullRange: Bool) {
      self.chromaShiftX = chromaShiftX
      self.chromaShiftY = chromaShiftY
      self.isFullRange = isFullRange
    }
  }

  private enum RangeMapping {
    case unchanged
    case fullToLimitedLuma
    case fullToLimitedChroma

    func apply(_ mean: Int) -> UInt8 {
      switch self {
      case .unchanged: UInt8(mean)
      case .fullToLimitedLuma: UInt8(16 + (mean * 219 + 127) / 255)
      case .fullToLimitedChroma: UInt8(16 + (mean * 224 + 127) / 255)
      }
    }
  }

  /// Each output sample is the rounded mean of the source box `[x·w/W, (x+1)·w/W) ×
  /// [y·h/H, (y+1)·h/H)`: the band's source rows are summed into 16-bit column totals, sixteen
  /// columns at a time, then the totals into boxes.
  private static func shrink(
    _ plane: UnsafeMutablePointer<UInt8>,
    stride: Int,
    width: Int,
    height: Int,
    to size: (width: Int, height: Int),
    range: RangeMapping
  ) -> [UInt8] {
    let columnStarts = (0...size.width).map { $0 * width / size.width }
    let lanes = 16
    let chunks = (width + lanes - 1) / lanes
    var output = [UInt8](repeating: 0, count: size.width * size.height)
    let totals = UnsafeMutablePointer<SIMD16<UInt16>>.allocate(capacity: chunks)
    defer { totals.deallocate() }
    let scalarTotals = UnsafeMutableRawPointer(totals).assumingMemoryBound(to: UInt16.self)
    let wholeChunks = width / lanes
    output.withUnsafeMutableBufferPointer { output in
      for outputRow in 0..<size.height {
        let firstRow = outputRow * height / size.height
        let endRow = (outputRow + 1) * height / size.height
        totals.update(repeating: .zero, count: chunks)
        for row in firstRow..<endRow {
          let samples = UnsafeRawPointer(plane + row * stride)
          for chunk in 0..<wholeChunks {
            let bytes = samples.loadUnaligned(fromByteOffset: chunk * lanes, as: SIMD16<UInt8>.self)
            totals[chunk] &+= SIMD16<UInt16>(truncatingIfNeeded: bytes)
          }
          for column in (wholeChunks * lanes)..<width {
            scalarTotals[column] &+= UInt16(samples.load(fromByteOffset: column, as: UInt8.self))
          }
        }
        let rows = endRow - firstRow
        for outputColumn in 0..<size.width {
          let first = columnStarts[outputColumn], end = columnStarts[outputColumn + 1]
          var sum = 0
          for column in first..<end { sum += Int(scalarTotals[column]) }
          let count = rows * (end - first)
          output[outputRow * size.width + outputColumn] = range.apply((sum + count / 2) / count)
        }
      }
    }
    return output
  }
}
