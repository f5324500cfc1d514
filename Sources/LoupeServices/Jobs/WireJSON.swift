import Foundation

/// The one JSON encoding of everything Loupe writes for clients: response envelopes, job
/// requests as stored, and PAI `Result` strings. Sorted keys and unescaped slashes (URLs stay
/// readable), as PAI's own results look.
public enum WireJSON {
  public static func data(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
  }

  public static func string(_ value: some Encodable) throws -> String {
    String(decoding: try data(value), as: UTF8.self)
  }
}
