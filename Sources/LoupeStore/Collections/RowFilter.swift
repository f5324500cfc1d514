/// A conjunction of conditions on scalar fields, already checked against the schema: the store
/// turns it into SQL over the row's JSON with every value bound, never spliced.
public struct RowFilter: Sendable, Equatable {
  public var conditions: [Condition]

  public init(conditions: [Condition]) {
    self.conditions = conditions
  }

  public struct Condition: Sendable, Equatable {
    public var field: String
    public var comparison: Comparison

    public init(field: String, comparison: Comparison) {
      self.field = field
      self.comparison = comparison
    }
  }

  public enum Comparison: Sendable, Equatable {
    case equal(FilterValue)
    case notEqual(FilterValue)
    case greater(FilterValue)
    case greaterOrEqual(FilterValue)
    case less(FilterValue)
    case lessOrEqual(FilterValue)
    case oneOf([FilterValue])
  }
}

/// A value compared with a field: numbers and booleans as numbers (SQLite's JSON reads `true`
/// as 1), texts (datetimes are stored in one sortable text form) as texts.
public enum FilterValue: Sendable, Equatable {
  case null
  case number(Double)
  case text(String)
}
