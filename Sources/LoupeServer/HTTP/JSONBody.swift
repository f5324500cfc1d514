import Foundation
import Hummingbird

/// Decodes a JSON request body after a depth check: nesting is bounded before any parser sees it,
/// so a hostile body cannot exhaust the stack. Unknown fields are ignored.
enum JSONBody {
  static func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer, maxDepth: Int) throws -> T {
    let bytes = Array(body.readableBytesView)
    guard !bytes.isEmpty else { throw PAIError.parameter("request body must be a JSON object") }
    guard nestingDepth(of: bytes) <= maxDepth else {
      throw PAIError.parameter("request body nests deeper than \(maxDepth) levels")
    }
    do {
      return try JSONDecoder().decode(T.self, from: Data(bytes))
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
      throw PAIError.parameter("\(fieldName(context.codingPath)) has the wrong type")
    } catch let DecodingError.keyNotFound(key, context) {
      throw PAIError.parameter("\(fieldName(context.codingPath + [key])) is required")
    } catch {
      throw PAIError.parameter("request body is not valid JSON")
    }
  }

  static func nestingDepth(of bytes: [UInt8]) -> Int {
    var depth = 0
    var deepest = 0
    var inString = false
    var escaped = false
    for byte in bytes {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        deepest = max(deepest, depth)
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      default: break
      }
    }
    return deepest
  }

  private static func fieldName(_ path: [any CodingKey]) -> String {
    path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
  }
}
