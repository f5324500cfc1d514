import LoupeMedia
import LoupeRuntime

extension PixelBuffer {
  /// A line image as PaddleOCR's recogniser and classifier take it: scaled to `height` keeping
  /// its aspect (width `⌈height · aspect⌉`, at most `maxWidth`), BGR, (x − 127.5) / 127.5, then
  /// zero-padded on the right to `paddedWidth` (or left as is when already that wide).
  func lineTensor(height: Int, maxWidth: Int, paddedWidth: Int) -> Tensor {
    let width = max(1, min(Int((Float(height) * Float(self.width) / Float(self.height)).rounded(.up)), maxWidth))
    let resized = self.resized(width: width, height: height, filter: .bilinear)
    let planar = resized.planarTensor(order: .bgr, mean: (127.5, 127.5, 127.5), scale: 1 / 127.5).floats
    let padded = max(paddedWidth, width)
    guard padded > width else { return Tensor(shape: [1, 3, height, width], floats: planar) }
    var values = [Float](repeating: 0, count: 3 * height * padded)
    for row in 0..<(3 * height) {
      values.replaceSubrange((row * padded)..<(row * padded + width), with: planar[(row * width)..<((row + 1) * width)])
    }
    return Tensor(shape: [1, 3, height, padded], floats: values)
  }
}
