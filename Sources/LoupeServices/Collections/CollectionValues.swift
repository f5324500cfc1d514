import Foundation
import LoupeStore

/// Checks and normalises scalar values against their field types: the one place where a row's
/// JSON and a filter's values meet the schema.
enum CollectionValues {
  /// Texts longer than this are refused (a row is not a blob store).
  static let maxTextBytes = 65_536

  /// `value` as stored for `field`, or why it cannot be.
  static func normalized(_ value: JSONValue, for field: CollectionField) throws -> JSONValue {
    func wrongType(_ expected: String) -> ServiceError {
      .invalidParameter("\(field.name) must be \(expected)")
    }
    if value == .null {
      guard field.isNullable else { throw ServiceError.invalidParameter("\(field.name) cannot be null") }
      return .null
    }
    switch field.type {
    case .int:
      guard case .number(let number) = value, number.rounded() == number, abs(number) <= 9_007_199_254_740_992 else {
        throw wrongType("an integer")
      }
      return value
    case .float:
      guard case .number(let number) = value, number.isFinite else { throw wrongType("a number") }
      return value
    case .bool:
      guard case .bool = value else { throw wrongType("true or false") }
      return value
    case .string:
      guard case .string(let text) = value else { throw wrongType("a string") }
      guard text.utf8.count <= maxTextBytes else { throw wrongType("at most \(maxTextBytes) bytes") }
      return value
    case .json:
      return value
    case .datetime:
      guard let date = date(value) else { throw wrongType("an ISO 8601 date-time or a number of seconds since 1970") }
      return .string(storedText(date))
    }
  }

  /// A filter value compared with `field`.
  static func filterValue(_ value: JSONValue, for field: CollectionField) throws -> FilterValue {
    guard field.type != .json else {
      throw ServiceError.invalidParameter("filter: json field \(field.name) cannot be compared")
    }
    var comparable = field
    comparable.isNullable = true
    switch try normalized(value, for: comparable) {
    case .null: return .null
    case .number(let number): return .number(number)
    case .bool(let flag): return .number(flag ? 1 : 0)
    case .string(let text): return .text(text)
    default: throw ServiceError.invalidParameter("filter: \(field.name) cannot be compared with that value")
    }
  }

  private static func date(_ value: JSONValue) -> Date? {
    switch value {
    case .number(let seconds) where seconds.isFinite: return Date(timeIntervalSince1970: seconds)
    case .string(let text):
      for options: ISO8601DateFormatter.Options in [
        [.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime], [.withFullDate],
      ] {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = options
        if let date = formatter.date(from: text) { return date }
      }
      return nil
    default: return nil
    }
  }

  /// Date-times are stored in UTC with milliseconds: one fixed-width form, so text order is
  /// time order and filters compare them as texts.
  private static func storedText(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
