import Crypto
import Foundation

/// What a signed URL grants, sealed into its last path segment: a PUT of one upload, or a GET
/// of one file. Tokens are `base64url(JSON).base64url(HMAC-SHA256)`; the key is the server's
/// own (`DATA/library/signing.key`), so a token is valid on every process of one data
/// directory and on no other server.
public struct SignedToken: Codable, Sendable, Equatable {
  public enum Grant: String, Codable, Sendable {
    /// PUT of the upload `subject` (its object key) with `contentType`, at most `maxBytes`.
    case upload
    /// GET of a video's original file (`subject` the video id).
    case video
    /// GET of a video's browser rendition (`subject` the video id).
    case playback
    /// GET of a clip's thumbnail (`subject` the clip id).
    case thumbnail
    /// GET of a reference image's file (`subject` the image id).
    case referenceImage = "reference_image"
  }

  public var grant: Grant
  public var subject: String
  public var projectID: String
  public var contentType: String?
  public var maxBytes: Int?
  /// Seconds since 1970.
  public var expires: Int

  public init(
    grant: Grant,
    subject: String,
    projectID: String,
    contentType: String? = nil,
    maxBytes: Int? = nil,
    expires: Date
  ) {
    self.grant = grant
    self.subject = subject
    self.projectID = projectID
    self.contentType = contentType
    self.maxBytes = maxBytes
    self.expires = Int(expires.timeIntervalSince1970)
  }

  public var expiresAt: Date { Date(timeIntervalSince1970: Double(expires)) }

  enum CodingKeys: String, CodingKey {
    case grant = "g"
    case subject = "s"
    case projectID = "p"
    case contentType = "t"
    case maxBytes = "m"
    case expires = "e"
  }
}

/// Seals and opens `SignedToken`s.
public struct TokenSigner: Sendable {
  let key: SymmetricKey

  public init(key: SymmetricKey) {
    self.key = key
  }

  /// The data directory's signing key, made (32 random bytes, mode 0600) on first use.
  public init(dataDirectory: URL) throws {
    let file = dataDirectory.appendingPathComponent("library").appendingPathComponent("signing.key")
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(),
      withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700]
    )
    if let data = try? Data(contentsOf: file), data.count == 32 {
      key = SymmetricKey(data: data)
      return
    }
    let fresh = SymmetricKey(size: .bits256)
    let data = fresh.withUnsafeBytes { Data($0) }
    // Another process may have won the race: whoever wrote first, everyone reads that file.
    if FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600]) {
      key = SymmetricKey(data: (try? Data(contentsOf: file)) ?? data)
    } else {
      key = SymmetricKey(data: try Data(contentsOf: file))
    }
  }

  public func seal(_ token: SignedToken) throws -> String {
    let payload = try JSONEncoder().encode(token)
    let mac = HMAC<SHA256>.authenticationCode(for: payload, using: key)
    return Self.base64URL(payload) + "." + Self.base64URL(Data(mac))
  }

  /// The token, if `sealed` is one of ours, unaltered, of `grant` and not expired.
  public func open(_ sealed: String, grant: SignedToken.Grant, now: Date = Date()) -> SignedToken? {
    let parts = sealed.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, let payload = Self.data(base64URL: parts[0]), let mac = Self.data(base64URL: parts[1]),
      HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: key),
      let token = try? JSONDecoder().decode(SignedToken.self, from: payload),
      token.grant == grant, token.expiresAt > now
    else { return nil }
    return token
  }

  static func base64URL(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  static func data(base64URL text: Substring) -> Data? {
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    return Data(base64Encoded: base64)
  }
}
