/// Caps applied before decoding, so hostile input costs little.
public struct ImageLimits: Sendable, Equatable {
  /// Largest encoded input accepted.
  public var maxBytes: Int
  /// Largest width × height accepted; checked on the header, before pixels are decoded.
  public var maxPixels: Int

  public init(maxBytes: Int = 50 << 20, maxPixels: Int = 100_000_000) {
    self.maxBytes = maxBytes
    self.maxPixels = maxPixels
  }

  /// 50 MiB and 100 megapixels: a 12000×8000 camera raw export fits, a decompression bomb does not.
  public static let `default` = ImageLimits()
}
