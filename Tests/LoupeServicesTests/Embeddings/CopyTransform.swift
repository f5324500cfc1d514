import LoupeMedia

/// The edits a copy of a photo goes through that image-to-image search must see through
/// (issue 14): a crop keeping 80% of each side, a rescale, a JPEG re-encode at quality 60, and
/// ±30% brightness.
enum CopyTransform: CaseIterable, CustomStringConvertible {
  case centreCrop80
  case rescaleHalf
  case jpeg60
  case brighter30
  case darker30

  var description: String {
    switch self {
    case .centreCrop80: "crop to 80% (centre)"
    case .rescaleHalf: "rescale to 50%"
    case .jpeg60: "JPEG quality 60"
    case .brighter30: "brightness +30%"
    case .darker30: "brightness −30%"
    }
  }

  func applied(to image: PixelBuffer) throws -> PixelBuffer {
    switch self {
    case .centreCrop80:
      let width = Float(image.width), height = Float(image.height)
      let rect = Rect(x: (width * 0.1).rounded(), y: (height * 0.1).rounded(), width: width * 0.8, height: height * 0.8)
      return image.cropped(to: rect) ?? image
    case .rescaleHalf:
      return image.resized(width: max(1, image.width / 2), height: max(1, image.height / 2), filter: .area)
    case .jpeg60:
      return try ImageDecoder().decode(try ImageEncoder.encode(image, as: .jpeg(quality: 60))).pixels
    case .brighter30: return Self.scaled(image, by: 1.3)
    case .darker30: return Self.scaled(image, by: 0.7)
    }
  }

  private static func scaled(_ image: PixelBuffer, by gain: Float) -> PixelBuffer {
    var copy = image
    copy.pixels = image.pixels.map { UInt8(min(255, (Float($0) * gain).rounded())) }
    return copy
  }
}
