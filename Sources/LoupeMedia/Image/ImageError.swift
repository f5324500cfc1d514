/// Why an image could not be read or written. Every case is safe to show to a user.
public enum ImageError: Error, Equatable, CustomStringConvertible {
  case empty
  case tooManyBytes(count: Int, limit: Int)
  case tooManyPixels(width: Int, height: Int, limit: Int)
  /// The bytes match no known format and do not decode as PNG either.
  case unrecognizedFormat
  case corrupt(format: ImageFormat, reason: String)
  case encodingFailed(reason: String)
  case invalidDimensions(width: Int, height: Int)

  public var description: String {
    switch self {
    case .empty:
      "image is empty (0 bytes)"
    case .tooManyBytes(let count, let limit):
      "image is \(count) bytes, more than the limit of \(limit)"
    case .tooManyPixels(let width, let height, let limit):
      "image is \(width)×\(height), more than the limit of \(limit) pixels"
    case .unrecognizedFormat:
      "unrecognised image format (supported: PNG, JPEG, GIF, WebP, ICO, BMP, TIFF)"
    case .corrupt(let format, let reason):
      "\(format.rawValue.uppercased()) image is corrupt or truncated: \(reason)"
    case .encodingFailed(let reason):
      "image encoding failed: \(reason)"
    case .invalidDimensions(let width, let height):
      "invalid image dimensions \(width)×\(height)"
    }
  }
}
