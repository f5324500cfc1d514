internal import CLoupeVips

/// Encodes RGB pixels as JPEG or PNG through libvips, without metadata.
public enum ImageEncoder {
  public enum Output: Sendable, Equatable {
    /// Quality 1...100.
    case jpeg(quality: Int)
    case png
  }

  public static func encode(_ image: PixelBuffer, as output: Output) throws -> [UInt8] {
    let (format, quality): (loupe_format, Int32) =
      switch output {
      case .jpeg(let quality): (LOUPE_FORMAT_JPEG, Int32(min(max(quality, 1), 100)))
      case .png: (LOUPE_FORMAT_PNG, 0)
      }
    var bytes: UnsafeMutablePointer<UInt8>?
    var length = 0
    var message: UnsafeMutablePointer<CChar>?
    let status = image.pixels.withUnsafeBufferPointer { pixels in
      loupe_vips_encode_rgb(
        pixels.baseAddress,
        Int32(image.width),
        Int32(image.height),
        format,
        quality,
        &bytes,
        &length,
        &message
      )
    }
    defer {
      loupe_vips_free(message)
      loupe_vips_free(bytes)
    }
    guard status == Int32(LOUPE_OK.rawValue), let bytes else {
      throw ImageError.encodingFailed(reason: message.map { String(cString: $0) } ?? "unknown")
    }
    return Array(UnsafeBufferPointer(start: bytes, count: length))
  }
}
