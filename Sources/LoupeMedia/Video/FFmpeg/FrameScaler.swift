internal import CFFmpeg

/// Converts decoded frames with swscale (area averaging when shrinking), reusing its context
/// while the frame geometry stays the same.
final class FrameScaler {
  private var context: OpaquePointer?
  /// The frame properties the context's colour matrix was last set for.
  private var colourKey: (context: OpaquePointer, space: UInt32, range: UInt32)?

  deinit {
    sws_freeContext(context)
  }

  /// Packed RGB at `width` × `height`.
  func rgb(_ frame: UnsafeMutablePointer<AVFrame>, width: Int, height: Int) -> PixelBuffer? {
    guard prepare(frame, width: width, height: height, format: AV_PIX_FMT_RGB24) else { return nil }
    let length = width * height * PixelBuffer.channels
    // Slack after the image in case a SIMD path writes past the last row's end.
    var pixels = [UInt8](repeating: 0, count: length + 64)
    let status = pixels.withUnsafeMutableBufferPointer { buffer in
      let planes: [UnsafeMutablePointer<UInt8>?] = [buffer.baseAddress, nil, nil, nil]
      let strides: [Int32] = [Int32(width * PixelBuffer.channels), 0, 0, 0]
      return loupe_sws_scale_frame(context, frame, planes, strides)
    }
    guard status == Int32(height) else { return nil }
    pixels.removeLast(64)
    return try? PixelBuffer(width: width, height: height, pixels: pixels)
  }

  /// Y′CbCr planes at `width` × `height` (a multiple of 8 wide, so rows stay aligned).
  func planes(_ frame: UnsafeMutablePointer<AVFrame>, width: Int, height: Int) -> FramePlanes? {
    guard prepare(frame, width: width, height: height, format: AV_PIX_FMT_YUV444P) else { return nil }
    let planeLength = width * height
    var samples = [UInt8](repeating: 0, count: 3 * planeLength + 64)
    let status = samples.withUnsafeMutableBufferPointer { buffer in
      let base = buffer.baseAddress!
      let planes: [UnsafeMutablePointer<UInt8>?] = [base, base + planeLength, base + 2 * planeLength, nil]
      let strides: [Int32] = [Int32(width), Int32(width), Int32(width), 0]
      return loupe_sws_scale_frame(context, frame, planes, strides)
    }
    guard status == Int32(height) else { return nil }
    return FramePlanes(
      width: width,
      height: height,
      luma: Array(samples[0..<planeLength]),
      blueDifference: Array(samples[planeLength..<2 * planeLength]),
      redDifference: Array(samples[2 * planeLength..<3 * planeLength])
    )
  }

  private func prepare(_ frame: UnsafeMutablePointer<AVFrame>, width: Int, height: Int, format: AVPixelFormat) -> Bool {
    let source = frame.pointee
    guard source.width > 0, source.height > 0, source.format >= 0 else { return false }
    context = sws_getCachedContext(
      context,
      source.width,
      source.height,
      AVPixelFormat(source.format),
      Int32(width),
      Int32(height),
      format,
      SWS_AREA,
      nil,
      nil,
      nil
    )
    guard let context else { return false }
    let key = (context: context, space: source.colorspace.rawValue, range: source.color_range.rawValue)
    if colourKey.map({ $0 != key }) ?? true {
      loupe_sws_use_frame_colorspace(context, frame)
      colourKey = key
    }
    return true
  }
}
