import LoupeStore

/// Parses a filter — `{field: value | {"$gt"|"$gte"|"$lt"|"$lte"|"$ne"|"$eq"|"$in": …}, …}`,
/// every condition required — against the schema.
enum CollectionFilter {
  static let maxConditions = 32
  static let maxChoices = 1_000

  static func parse(_ value: JSONValue?, schema: CollectionSchema) throws -> RowFilter? {
    guard let value, value != .null else { return nil }
    guard case .object(let object) = value else { throw ServiceError.invalidParameter("filter must be a JSON object") }
    var conditions: [RowFilter.Condition] = []
    for (name, test) in object.sorted(by: { $0.key < $1.key }) {
      guard let field = schema.field(named: name) else {
        throw ServiceError.invalidParameter("filter: unknown field \(name.debugDescription)")
      }
      guard case .object(let operators) = test else {
        conditions.append(.init(field: name, comparison: .equal(try CollectionValues.filterValue(test, for: field))))
        continue
      }
      for (op, operand) in operators.sorted(by: { $0.key < $1.key }) {
        let comparison: RowFilter.Comparison
        func single() throws -> FilterValue { try CollectionValues.filterValue(operand, for: field) }
        switch op {
        case "$eq": comparison = .equal(try single())
        case "$ne": comparison = .notEqual(try single())
        case "$gt": comparison = .greater(try single())
        case "$gte": comparison = .greaterOrEqual(try single())
        case "$lt": comparison = .less(try single())
        case "$lte": comparison = .lessOrEqual(try single())
        case "$in":
          guard case .array(let choices) = operand, choices.count <= maxChoices else {
            throw ServiceError.invalidParameter("filter: $in takes an array of at most \(maxChoices) values")
          }
          comparison = .oneOf(try choices.map { try CollectionValues.filterValue($0, for: field) })
        default:
          throw ServiceError.invalidParameter(
            "filter: unknown operator \(op.debugDescription) (use $eq, $ne, $gt, $gte, $lt, $lte, $in)"
          )
        }
        conditions.append(.init(field: name, comparison: comparison))
      }
    }
    guard conditions.count <= maxConditions else {
      throw ServiceError.invalidParameter("filter: at most \(maxConditions) conditions")
    }
    return RowFilter(conditions: conditions)
  }
}
