import Foundation

/// Whisper's byte-level BPE vocabulary read from the model's `tokenizer.json`: token ids → text,
/// and the special tokens decoding needs (start of transcript, languages, task, timestamps).
///
/// Only decoding is needed: prompts are made of special tokens alone. Each regular token is a
/// string of GPT-2 "byte characters" (every byte mapped to a printable code point); decoding maps
/// them back to bytes and reads the bytes as UTF-8, so a character split across tokens is whole
/// once all its tokens are joined.
public struct WhisperTokenizer: Sendable {
  /// The bytes of every regular token, by id.
  private let bytes: [[UInt8]]
  public let endOfText: Int
  public let startOfTranscript: Int
  public let transcribe: Int
  public let noSpeech: Int
  public let noTimestamps: Int
  /// `<|0.00|>`; timestamp token `timestampBegin + i` stands for i × 0.02 s.
  public let timestampBegin: Int
  /// Language codes (`en`, `zh`, `ja`, …) and their token ids, in the model's order.
  public let languages: [(code: String, token: Int)]

  public init(contentsOf url: URL) throws {
    let file = try JSONDecoder().decode(TokenizerFile.self, from: Data(contentsOf: url))
    let table = Self.byteCharacters()
    var bytes = [[UInt8]](repeating: [], count: file.model.vocab.count)
    for (token, id) in file.model.vocab where id < bytes.count {
      bytes[id] = token.unicodeScalars.compactMap { table[$0] }
    }
    self.bytes = bytes
    let special = Dictionary(file.addedTokens.map { ($0.content, $0.id) }, uniquingKeysWith: { first, _ in first })
    func id(_ content: String) throws -> Int {
      guard let id = special[content] else { throw SpeechError.invalidModel("tokenizer has no \(content)") }
      return id
    }
    endOfText = try id("<|endoftext|>")
    startOfTranscript = try id("<|startoftranscript|>")
    transcribe = try id("<|transcribe|>")
    noSpeech = try special["<|nospeech|>"] ?? id("<|nocaptions|>")
    noTimestamps = try id("<|notimestamps|>")
    timestampBegin = noTimestamps + 1
    let (first, translate) = (startOfTranscript, transcribe - 1)
    languages = file.addedTokens
      .filter { $0.id > first && $0.id < translate && $0.content.hasPrefix("<|") }
      .sorted { $0.id < $1.id }
      .map { (String($0.content.dropFirst(2).dropLast(2)), $0.id) }
    guard !languages.isEmpty else { throw SpeechError.invalidModel("tokenizer lists no languages") }
  }

  /// The token of a language code, e.g. `ja` → `<|ja|>`.
  public func languageToken(_ code: String) throws -> Int {
    guard let language = languages.first(where: { $0.code == code }) else { throw SpeechError.unknownLanguage(code) }
    return language.token
  }

  /// The text of regular tokens; special and timestamp tokens are skipped. Bytes that are not
  /// valid UTF-8 (a character cut off at the end) become U+FFFD.
  public func decode(_ tokens: [Int]) -> String {
    var text: [UInt8] = []
    for token in tokens where token >= 0 && token < endOfText && token < bytes.count {
      text += bytes[token]
    }
    return String(decoding: text, as: UTF8.self)
  }

  public func isTimestamp(_ token: Int) -> Bool { token >= timestampBegin }

  /// GPT-2's byte → character table, inverted: printable Latin-1 bytes stand for themselves, the
  /// other 68 bytes for U+0100 onwards in byte order.
  static func byteCharacters() -> [Unicode.Scalar: UInt8] {
    let printable = Set(Array(33...126) + Array(161...172) + Array(174...255))
    var table: [Unicode.Scalar: UInt8] = [:]
    var next = 256
    for byte in 0...255 {
      let scalar: Int
      if printable.contains(byte) {
        scalar = byte
      } else {
        scalar = next
        next += 1
      }
      table[Unicode.Scalar(UInt32(scalar))!] = UInt8(byte)
    }
    return table
  }

  private struct TokenizerFile: Decodable {
    struct Model: Decodable { var vocab: [String: Int] }
    struct Added: Decodable {
      var id: Int
      var content: String
    }
    var model: Model
    var addedTokens: [Added]

    enum CodingKeys: String, CodingKey {
      case model
      case addedTokens = "added_tokens"
    }
  }
}
