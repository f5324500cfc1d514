import Foundation

/// One thing to embed: a text, or an image by where it comes from (`MediaSource`: an http(s)
/// URL fetched through the guard, a `file://` under the media roots, inline bytes, a blob).
public enum EmbeddingInput: Sendable, Equatable {
  case text(String)
  case image(MediaSource)

  /// An image given as a URL, a data URI or bare base64 (what pytidb sends for a PIL image):
  /// anything that does not parse as a URL but decodes as base64 is taken as the image's bytes.
  public static func image(reference: String, field: String) throws -> EmbeddingInput {
    let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
    if !trimmed.contains(":"), let bytes = Data(base64Encoded: trimmed, options: .ignoreUnknownCharacters),
      !bytes.isEmpty
    {
      return .image(.inline(bytes))
    }
    return .image(try MediaSource.parse(trimmed, field: field))
  }
}
