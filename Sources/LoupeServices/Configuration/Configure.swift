/// Reads and validates `configure` keys. A key that is absent or `null` takes its default; a key
/// of the wrong type or out of range is an invalid parameter that names it. Keys an action does not read are
/// ignored, as PAI does.
public struct Configure: Sendable, Equatable {
  let values: [String: JSONValue]

  public init(_ value: JSONValue?) throws {
    switch value {
    case nil, .null: values = [:]
    case .object(let object): values = object
    default: throw ServiceError.invalidParameter("configure must be an object")
    }
  }

  public func integer(_ key: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
    switch values[key] {
    case nil, .null: return fallback
    case .number(let number) where number.rounded() == number && range.contains(Int(exactly: number) ?? .min):
      return Int(number)
    default: throw invalid(key, "an integer from \(range.lowerBound) to \(range.upperBound)")
    }
  }

  public func number(_ key: String, in range: ClosedRange<Double>, default fallback: Double) throws -> Double {
    switch values[key] {
    case nil, .null: return fallback
    case .number(let number) where range.contains(number): return number
    default: throw invalid(key, "a number from \(range.lowerBound) to \(range.upperBound)")
    }
  }

  public func boolean(_ key: String, default fallback: Bool) throws -> Bool {
    switch values[key] {
    case nil, .null: return fallback
    case .bool(let value): return value
    case .number(let number) where number == 0 || number == 1: return number == 1
    default: throw invalid(key, "true or false")
    }
  }

  public func choice(_ key: String, from allowed: [String], default fallback: String) throws -> String {
    switch values[key] {
    case nil, .null: return fallback
    case .string(let value) where allowed.contains(value): return value
    default: throw invalid(key, "one of \(allowed.joined(separator: ", "))")
    }
  }

  public func string(_ key: String) throws -> String? {
    switch values[key] {
    case nil, .null: return nil
    case .string(let value): return value
    default: throw invalid(key, "a string")
    }
  }

  /// Whether the request set `key` (to anything but `null`).
  public func contains(_ key: String) -> Bool {
    switch values[key] {
    case nil, .null: false
    default: true
    }
  }

  private func invalid(_ key: String, _ expectation: String) -> ServiceError {
    .invalidParameter("configure.\(key) must be \(expectation)")
  }
}
