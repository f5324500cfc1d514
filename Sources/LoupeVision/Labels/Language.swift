/// A language Loupe names things in: label tables, tags, video classes. The raw value is the
/// ISO 639-1 code clients send (`configure.language: "en"`).
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
  case english = "en"
  case chinese = "zh"
}
