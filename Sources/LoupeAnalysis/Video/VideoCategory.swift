import LoupeVision

/// One class of Loupe's short-video taxonomy: PAI-style Chinese name, English name, and what
/// such videos show, in both languages. The descriptions are what the zero-shot classifier
/// embeds, so they name things the frame labels and titles actually say.
public struct VideoCategory: Sendable, Equatable {
  public var chinese: String
  public var english: String
  public var chineseDescription: String
  public var englishDescription: String

  /// The name in `language`.
  public func name(in language: Language) -> String {
    switch language {
    case .english: english
    case .chinese: chinese
    }
  }

  /// What the classifier embeds: name and description, once per language.
  var prompts: [String] {
    ["\(chinese)：\(chineseDescription)", "\(english): \(englishDescription)"]
  }
}
