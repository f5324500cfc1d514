internal import CLoupeVips
import Foundation

/// An image read from encoded bytes.
public struct DecodedImage: Sendable, Equatable {
  public var format: ImageFormat
  public var pixels: PixelBuffer
}

/// Decodes PNG, JPEG, GIF (first frame), WebP, ICO, BMP and TIFF to RGB through libvips,
/// choosing the loader by magic bytes and applying EXIF orientation.
public struct ImageDecoder: Sendable {
  public var limits: ImageLimits

  public init(limits: ImageLimits = .default) {
    self.limits = limits
  }

  public func decode(_ bytes: some Collection<UInt8>) throws -> DecodedImage {
    let bytes = Array(bytes)
    guard !bytes.isEmpty else { throw ImageError.empty }
    guard bytes.count <= limits.maxBytes else {
      throw ImageError.tooManyBytes(count: bytes.count, limit: limits.maxBytes)
    }
    guard let format = ImageFormat.sniff(bytes) else {
      // Unknown magic: some encoders emit PNGs with damaged signatures, so PNG is the one fallback.
      do {
        return DecodedImage(format: .png, pixels: try decode(bytes, as: .png))
      } catch ImageError.corrupt {
        throw ImageError.unrecognizedFormat
      }
    }
    return DecodedImage(format: format, pixels: try decode(bytes, as: format))
  }

  public func decode(contentsOf url: URL) throws -> DecodedImage {
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    guard size <= limits.maxBytes else { throw ImageError.tooManyBytes(count: size, limit: limits.maxBytes) }
    return try decode(Array(try Data(contentsOf: url)))
  }

  private func decode(_ bytes: [UInt8], as format: ImageFormat) throws -> PixelBuffer {
    var width: Int32 = 0
    var height: Int32 = 0
    var pixels: UnsafeMutablePointer<UInt8>?
    var message: UnsafeMutablePointer<CChar>?
    let status = bytes.withUnsafeBytes { buffer in
      loupe_vips_decode_rgb(
        buffer.baseAddress,
        buffer.count,
        format.vips,
        UInt64(limits.maxPixels),
        &width,
        &height,
        &pixels,
        &message
      )
    }
    let reason = message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
    loupe_vips_free(message)
    switch Int(status) {
    case Int(LOUPE_OK.rawValue):
      guard let pixels else { throw ImageError.corrupt(format: format, reason: "no pixels") }
      defer { loupe_vips_free(pixels) }
      let count = Int(width) * Int(height) * PixelBuffer.channels
      return try PixelBuffer(
        width: Int(width),
        height: Int(height),
        pixels: Array(UnsafeBufferPointer(start: pixels, count: count))
      )
    case Int(LOUPE_ERROR_TOO_LARGE.rawValue):
      throw ImageError.tooManyPixels(width: Int(width), height: Int(height), limit: limits.maxPixels)
    default:
      throw ImageError.corrupt(format: format, reason: reason.isEmpty ? "decoder failed" : reason)
    }
  }
}

extension ImageFormat {
  var vips: loupe_format {
    switch self {
    case .png: LOUPE_FORMAT_PNG
    case .jpeg: LOUPE_FORMAT_JPEG
    case .gif: LOUPE_FORMAT_GIF
    case .webp: LOUPE_FORMAT_WEBP
    case .ico: LOUPE_FORMAT_ICO
    case .bmp: LOUPE_FORMAT_BMP
    case .tiff: LOUPE_FORMAT_TIFF
    }
  }
}
