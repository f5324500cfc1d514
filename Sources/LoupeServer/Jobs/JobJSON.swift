import Foundation

/// Job requests and PAI `Result` strings: JSON with sorted keys and unescaped slashes (URLs stay
/// readable), as PAI's own results look.
enum JobJSON {
  static func string(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
