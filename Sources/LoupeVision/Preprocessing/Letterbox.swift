import LoupeMedia

/// An image scaled to fit a square canvas, anchored top-left, padded with black, as SCRFD
/// was trained; `scale` maps original coordinates to canvas coordinates.
struct Letterbox {
  var canvas: PixelBuffer
  var scale: Float

  init(_ image: PixelBuffer, side: Int) {
    let (width, height): (Int, Int) =
      image.height > image.width
      ? (max(1, side * image.width / image.height), side)
      : (side, max(1, side * image.height / image.width))
    let resized = image.resized(width: width, height: height, filter: .bilinear)
    var canvas = PixelBuffer(width: side, height: side)
    let rowBytes = width * PixelBuffer.channels
    canvas.pixels.withUnsafeMutableBufferPointer { target in
      resized.pixels.withUnsafeBufferPointer { source in
        for y in 0..<height {
          let from = y * rowBytes, to = y * side * PixelBuffer.channels
          target.baseAddress!.advanced(by: to).update(from: source.baseAddress!.advanced(by: from), count: rowBytes)
        }
      }
    }
    self.canvas = canvas
    self.scale = Float(height) / Float(image.height)
  }
}
