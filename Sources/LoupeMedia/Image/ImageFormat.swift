/// The still-image formats Loupe reads, recognised by their leading bytes.
public enum ImageFormat: String, Sendable, CaseIterable {
  case png, jpeg, gif, webp, ico, bmp, tiff

  /// The format whose magic bytes start `bytes`, or `nil` when none matches.
  public static func sniff<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> ImageFormat? {
    let head = Array(bytes.prefix(12))
    func starts(with magic: [UInt8], at offset: Int = 0) -> Bool {
      head.count >= offset + magic.count && Array(head[offset..<offset + magic.count]) == magic
    }
    if starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
    if starts(with: [0xFF, 0xD8]) { return .jpeg }
    if starts(with: Array("GIF87a".utf8)) || starts(with: Array("GIF89a".utf8)) { return .gif }
    if starts(with: Array("RIFF".utf8)) && starts(with: Array("WEBP".utf8), at: 8) { return .webp }
    if starts(with: [0x00, 0x00, 0x01, 0x00]) { return .ico }
    if starts(with: Array("BM".utf8)) { return .bmp }
    if starts(with: [0x49, 0x49, 0x2A, 0x00]) || starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
    return nil
  }

  public var mimeType: String {
    switch self {
    case .png: "image/png"
    case .jpeg: "image/jpeg"
    case .gif: "image/gif"
    case .webp: "image/webp"
    case .ico: "image/vnd.microsoft.icon"
    case .bmp: "image/bmp"
    case .tiff: "image/tiff"
    }
  }
}
