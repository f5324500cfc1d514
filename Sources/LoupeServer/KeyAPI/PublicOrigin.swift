import Foundation
import Hummingbird

/// The origin in front of every URL the library hands out: the configured public base URL, or
/// else `http://` and the request's own `Host` (what the client reached us by). The official
/// client accepts only https, or http on a loopback name, so a deployment reached by another
/// name sets `library.public_base_url`.
struct PublicOrigin: Sendable {
  let configured: URL?

  func string(for request: Request) throws -> String {
    if let configured {
      return configured.absoluteString.hasSuffix("/")
        ? String(configured.absoluteString.dropLast()) : configured.absoluteString
    }
    guard let host = request.head.authority, !host.isEmpty,
      host.unicodeScalars.allSatisfy({ Self.hostCharacters.contains($0) })
    else { throw KeyAPIError.validation("the request's Host header is missing or malformed") }
    return "http://\(host)"
  }

  private static let hostCharacters = CharacterSet(
    charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]"
  )
}
