import Crypto
import Foundation

/// PAI's request signature: hex HMAC-SHA256 with the app token over
/// `METHOD "\n" md5_hex(body) "\n" path`.
public enum RequestSignature {
  public static func sign(method: String, path: String, body: some DataProtocol, token: String) -> String {
    let mac = HMAC<SHA256>.authenticationCode(
      for: Data(stringToSign(method: method, path: path, body: body).utf8),
      using: SymmetricKey(data: Data(token.utf8))
    )
    return mac.map { String(format: "%02x", $0) }.joined()
  }

  /// Verifies in constant time over the raw received bytes. An empty POST body is also checked as
  /// `{}`: the Python SDK signs `{}` for a request without a body while the Go SDK signs nothing.
  public static func isValid(
    _ signature: String,
    method: String,
    path: String,
    body: some DataProtocol,
    token: String
  ) -> Bool {
    guard let code = Data(hexadecimal: signature) else { return false }
    let key = SymmetricKey(data: Data(token.utf8))
    var candidates = [Data(stringToSign(method: method, path: path, body: body).utf8)]
    if body.isEmpty { candidates.append(Data(stringToSign(method: method, path: path, body: Data("{}".utf8)).utf8)) }
    var valid = false
    for message in candidates {
      valid = HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: message, using: key) || valid
    }
    return valid
  }

  static func stringToSign(method: String, path: String, body: some DataProtocol) -> String {
    let digest = Insecure.MD5.hash(data: body).map { String(format: "%02x", $0) }.joined()
    return method + "\n" + digest + "\n" + path
  }
}

extension Data {
  init?(hexadecimal text: String) {
    guard text.count == 64 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(index, offsetBy: 2)
      guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
      bytes.append(byte)
      index = next
    }
    self.init(bytes)
  }
}
