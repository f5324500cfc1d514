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

  /// Decodes `bytes` whole, or, with `workingPixels`, shrunk on load to at most that many pixels
  /// (aspect kept, never enlarged): a JPEG is shrunk by the decoder itself and no format's
  /// full-size pixels are ever held, so an analysis that needs 4 megapixels pays for 4, not for
  /// the 100 the limits allow.
  public func decode(_ bytes: some Collection<UInt8>, workingPixels: Int? = nil) throws -> DecodedImage {
    let bytes = Array(bytes)
    guard !bytes.isEmpty else { throw ImageError.empty }
    guard bytes.count <= limits.maxBytes else {
      throw ImageError.tooManyBytes(count: bytes.count, limit: limits.maxBytes)
    }
    guard let format = ImageFormat.sniff(bytes) else {
      // Unknown magic: some encoders emit PNGs with damaged signatures, so PNG is the one fallback.
      do {
        return DecodedImage(format: .png, pixels: try decode(bytes, as: .png, workingPixels: workingPixels))
      } catch ImageError.corrupt {
        throw ImageError.unrecognizedFormat
      }
    }
    return DecodedImage(format: format, pixels: try decode(bytes, as: format, workingPixels: workingPixels))
  }

  public func decode(contentsOf url: URL, workingPixels: Int? = nil) throws -> DecodedImage {
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    guard size <= limits.maxBytes else { throw ImageError.tooManyBytes(count: size, limit: limits.maxBytes) }
    return try decode(Array(try Data(contentsOf: url)), workingPixels: workingPixels)
  }

  /// Opens the pipeline, then has libvips write the pixels straight into the buffer the
  /// `PixelBuffer` keeps: the decoded image exists once, never as a C copy and a Swift copy.
  private func decode(_ bytes: [UInt8], as format: ImageFormat, workingPixels: Int?) throws -> PixelBuffer {
    try bytes.withUnsafeBytes { buffer in
      var width: Int32 = 0
      var height: Int32 = 0
      var handle: OpaquePointer?
      var message: UnsafeMutablePointer<CChar>?
      let status = loupe_vips_open_rgb(
        buffer.baseAddress,
        buffer.count,
        format.vips,
        UInt64(limits.maxPixels),
        UInt64(max(workingPixels ?? 0, 0)),
        &handle,
        &width,
        &height,
        &message
      )
      defer { loupe_vips_close(handle) }
      try Self.check(status, message: message, format: format, width: width, height: height, limit: limits.maxPixels)
      let count = Int(width) * Int(height) * PixelBuffer.channels
      var failure: UnsafeMutablePointer<CChar>?
      var rendered: Int32 = 0
      let pixels = [UInt8](unsafeUninitializedCapacity: count) { output, initialized in
        rendered = loupe_vips_render_rgb(handle, output.baseAddress, count, &failure)
        // On failure the buffer is discarded; its bytes are plain values, so any content is safe.
        initialized = count
      }
      try Self.check(rendered, message: failure, format: format, width: width, height: height, limit: limits.maxPixels)
      return try PixelBuffer(width: Int(width), height: Int(height), pixels: pixels)
    }
  }

  private static func check(
    _ status: Int32,
    message: UnsafeMutablePointer<CChar>?,
    format: ImageFormat,
    width: Int32,
    height: Int32,
    limit: Int
  ) throws {
    let reason = message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
    loupe_vips_free(message)
    switch UInt32(status) {
    case LOUPE_OK.rawValue: return
    case LOUPE_ERROR_TOO_LARGE.rawValue:
      throw ImageError.tooManyPixels(width: Int(width), height: Int(height), limit: limit)
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
