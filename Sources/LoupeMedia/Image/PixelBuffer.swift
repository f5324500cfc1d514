/// An 8-bit RGB image, rows top to bottom, pixels interleaved R, G, B.
public struct PixelBuffer: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public var pixels: [UInt8]

  public static let channels = 3

  public init(width: Int, height: Int, pixels: [UInt8]) throws {
    guard width > 0, height > 0 else { throw ImageError.invalidDimensions(width: width, height: height) }
    guard pixels.count == width * height * Self.channels else {
      throw ImageError.invalidDimensions(width: width, height: height)
    }
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// A buffer filled with one colour.
  public init(width: Int, height: Int, filledWith rgb: (UInt8, UInt8, UInt8) = (0, 0, 0)) {
    precondition(width > 0 && height > 0, "dimensions must be positive")
    self.width = width
    self.height = height
    var pixels = [UInt8](repeating: rgb.0, count: width * height * Self.channels)
    // Grey (including the black canvases detectors pad with) needs no per-pixel pass.
    let isGrey = rgb.0 == rgb.1 && rgb.1 == rgb.2
    for index in stride(from: 0, to: isGrey ? 0 : pixels.count, by: Self.channels) {
      pixels[index] = rgb.0
      pixels[index + 1] = rgb.1
      pixels[index + 2] = rgb.2
    }
    self.pixels = pixels
  }

  public subscript(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
    let index = (y * width + x) * Self.channels
    return (pixels[index], pixels[index + 1], pixels[index + 2])
  }
}
