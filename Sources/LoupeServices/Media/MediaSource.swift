import Foundation

/// Where an image or video comes from, parsed from the URL string a client sends.
public enum MediaSource: Equatable, Sendable {
  case remote(URL)
  case inline(Data)
  case file(URL)
  case blob(id: String)

  public static let blobPrefix = "loupe://blob/"

  /// Parses `http(s)://…`, `data:[type][;base64],…`, `file:///…` and `loupe://blob/<id>`.
  public static func parse(_ text: String, field: String = "image") throws -> MediaSource {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw InputError.missing(field: field) }
    let lowered = trimmed.prefix(16).lowercased()
    if lowered.hasPrefix("data:") { return .inline(try decodeDataURI(trimmed, field: field)) }
    if trimmed.hasPrefix(blobPrefix) {
      let id = String(trimmed.dropFirst(blobPrefix.count))
      guard id.count == 64, id.allSatisfy({ $0.isHexDigit }) else {
        throw InputError.malformed(field: field, reason: "blob id must be 64 hex digits")
      }
      return .blob(id: id.lowercased())
    }
    guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased() else {
      throw InputError.malformed(field: field, reason: "not a URL")
    }
    switch scheme {
    case "http", "https":
      guard url.host?.isEmpty == false else { throw InputError.malformed(field: field, reason: "URL has no host") }
      return .remote(url)
    case "file":
      guard url.host == nil || url.host == "" || url.host == "localhost" else {
        throw InputError.malformed(field: field, reason: "file URLs must name a local path")
      }
      return .file(URL(fileURLWithPath: url.path))
    default:
      throw InputError.malformed(field: field, reason: "unsupported URL scheme \(scheme.debugDescription)")
    }
  }

  private static func decodeDataURI(_ text: String, field: String) throws -> Data {
    guard let comma = text.firstIndex(of: ",") else {
      throw InputError.malformed(field: field, reason: "data URI has no comma")
    }
    let header = text[text.index(text.startIndex, offsetBy: 5)..<comma].lowercased()
    let payload = String(text[text.index(after: comma)...])
    if header.hasSuffix(";base64") {
      guard let data = Data(base64Encoded: payload, options: .ignoreUnknownCharacters), !data.isEmpty else {
        throw InputError.malformed(field: field, reason: "data URI is not valid base64")
      }
      return data
    }
    guard let decoded = payload.removingPercentEncoding else {
      throw InputError.malformed(field: field, reason: "data URI is not valid percent-encoding")
    }
    return Data(decoded.utf8)
  }
}
