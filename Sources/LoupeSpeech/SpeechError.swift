/// Why speech could not be recognised. Every case is safe to show to a user.
public enum SpeechError: Error, Equatable, CustomStringConvertible {
  /// A model file is not what the speech models need (a wrong tokenizer, a truncated export).
  case invalidModel(String)
  /// A language code that Whisper does not know.
  case unknownLanguage(String)

  public var description: String {
    switch self {
    case .invalidModel(let reason): "speech model is invalid: \(reason)"
    case .unknownLanguage(let code): "unknown speech language \"\(code)\""
    }
  }
}
