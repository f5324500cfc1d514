/// A floating-point image, rows top to bottom, samples interleaved (`channels` per pixel).
///
/// Converted from a `PixelBuffer`, samples keep the 8-bit scale (0…255), so the round trip costs
/// one conversion each way and nothing else; filters may leave that range, and only the
/// conversion back rounds and clamps. A Lab image (see `convertedToLab()`) holds L\* in 0…100 and
/// a\*, b\* around 0 in the same type. Images may be empty (0 × 0): every operation then returns
/// an empty image rather than failing.
public struct FloatImage: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public let channels: Int
  public var samples: [Float]

  /// `nil` when a dimension is negative, `channels` is not positive or the sample count is not
  /// `width × height × channels`.
  public init?(width: Int, height: Int, channels: Int, samples: [Float]) {
    guard width >= 0, height >= 0, channels > 0, samples.count == width * height * channels else { return nil }
    self.width = width
    self.height = height
    self.channels = channels
    self.samples = samples
  }

  /// An image whose every sample is `value` (negative dimensions give an empty image);
  /// `channels` must be positive.
  public init(width: Int, height: Int, channels: Int = 3, repeating value: Float = 0) {
    precondition(channels > 0, "an image has at least one channel")
    self.width = max(0, width)
    self.height = max(0, height)
    self.channels = channels
    samples = [Float](repeating: value, count: self.width * self.height * channels)
  }

  /// The 8-bit image's samples as floats (0…255), three channels.
  public init(_ buffer: PixelBuffer) {
    width = buffer.width
    height = buffer.height
    channels = PixelBuffer.channels
    samples = buffer.pixels.withUnsafeBufferPointer { source in
      [Float](unsafeUninitializedCapacity: source.count) { target, count in
        for index in 0..<source.count { target[index] = Float(source[index]) }
        count = source.count
      }
    }
  }

  public var pixelCount: Int { width * height }
  public var isEmpty: Bool { samples.isEmpty }

  public subscript(x: Int, y: Int, channel: Int) -> Float {
    get { samples[(y * width + x) * channels + channel] }
    set { samples[(y * width + x) * channels + channel] = newValue }
  }

  /// Whether `other` has the same width, height and channel count.
  public func hasSameShape(as other: FloatImage) -> Bool {
    width == other.width && height == other.height && channels == other.channels
  }

  /// Whether `mask` covers this image pixel for pixel.
  public func hasSameSize(as mask: Mask) -> Bool {
    width == mask.width && height == mask.height
  }

  /// A copy with `transform` applied to every sample.
  public func mapSamples(_ transform: (Float) -> Float) -> FloatImage {
    var copy = self
    copy.samples.withUnsafeMutableBufferPointer { samples in
      for index in samples.indices { samples[index] = transform(samples[index]) }
    }
    return copy
  }
}

extension PixelBuffer {
  /// The float image rounded to the nearest level and clamped to 0…255; `nil` when it is empty
  /// or does not have three channels.
  public init?(_ image: FloatImage) {
    guard !image.isEmpty, image.channels == Self.channels else { return nil }
    let pixels = image.samples.withUnsafeBufferPointer { source in
      [UInt8](unsafeUninitializedCapacity: source.count) { target, count in
        for index in 0..<source.count {
          // Clamping before the conversion keeps NaN and infinities from trapping.
          let value = source[index]
          target[index] = value >= 254.5 ? 255 : value > 0 ? UInt8(value + 0.5) : 0
        }
        count = source.count
      }
    }
    self = try! PixelBuffer(width: image.width, height: image.height, pixels: pixels)
  }
}
