import LoupeMedia

/// How edited photos (`body_reshaping`, `watermark_remover`) go back to the client: PNG, so
/// every pixel the edit left alone is returned exactly as it was decoded. PAI does not say which
/// format it answers; the SDK hands back the Base64 text, which any image library decodes.
enum EditedImageEncoding {
  static func encode(_ image: PixelBuffer) throws -> [UInt8] {
    try ImageEncoder.encode(image, as: .png)
  }
}
