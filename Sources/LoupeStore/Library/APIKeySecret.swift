import Crypto
import Foundation

/// The text of a Bearer key, `aimage_api_` + a 12-hex-digit id + a 48-hex-digit secret (192
/// bits from the system CSPRNG), in the AI-Mage Search API's style. The id finds the stored key
/// with an ordinary index lookup; only the secret's hash is stored and it is compared in constant
/// time, so neither the database nor the timing of a refusal tells anything about a secret.
public struct APIKeySecret: Sendable, Equatable {
  public static let prefix = "aimage_api_"
  static let idLength = 12
  static let secretLength = 48

  public let id: String
  let secret: String

  /// The whole key, as handed to its owner once.
  public var text: String { Self.prefix + id + secret }

  /// Parses a presented key; `nil` when it cannot be a Loupe key.
  public init?(_ text: some StringProtocol) {
    guard text.hasPrefix(Self.prefix) else { return nil }
    let body = text.dropFirst(Self.prefix.count)
    guard body.count == Self.idLength + Self.secretLength, body.allSatisfy(Self.isLowerHex) else { return nil }
    id = String(body.prefix(Self.idLength))
    secret = String(body.dropFirst(Self.idLength))
  }

  /// A new random key.
  static func generate() -> APIKeySecret {
    let hex = SymmetricKey(size: .init(bitCount: (idLength + secretLength) * 4)).withUnsafeBytes { bytes in
      bytes.map { String(format: "%02x", $0) }.joined()
    }
    return APIKeySecret(Self.prefix + hex)!
  }

  var secretHash: Data { Data(SHA256.hash(data: Data(secret.utf8))) }

  /// Whether this key's secret hashes to `hash`, comparing every byte whatever the first
  /// difference.
  func matches(_ hash: Data) -> Bool {
    let mine = secretHash
    guard mine.count == hash.count else { return false }
    return zip(mine, hash).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }

  private static func isLowerHex(_ character: Character) -> Bool {
    character.isHexDigit && !character.isUppercase
  }
}
