import Foundation
import LoupeStore

/// One row a client sends, checked against the schema: its key, normalised scalar fields, the
/// vectors it gives explicitly and the sources of the vectors Loupe is to compute.
struct CollectionRowInput {
  var key: RowKey
  var fields: [String: JSONValue]
  var vectors: [String: [Float]]
  var sources: [String: EmbeddingInput]

  init(_ value: JSONValue, schema: CollectionSchema) throws {
    guard case .object(let object) = value else { throw ServiceError.invalidParameter("a row must be a JSON object") }
    for name in object.keys where schema.field(named: name) == nil && schema.vectorField(named: name) == nil {
      throw ServiceError.invalidParameter("unknown field \(name.debugDescription)")
    }
    let primaryKey = schema.primaryKey
    fields = [:]
    key = .automatic
    for field in schema.fields {
      let given = object[field.name] ?? .null
      if field.isPrimaryKey {
        switch (field.type, given) {
        case (.int, .null): continue
        case (.int, .number): key = .integer(Int64(try Self.integer(given, field: field)))
        case (.string, .string(let text)) where !text.isEmpty: key = .text(text)
        default:
          throw ServiceError.invalidParameter(
            "\(primaryKey.name) must be \(field.type == .int ? "an integer (or absent, to be assigned)" : "a non-empty string")"
          )
        }
      }
      fields[field.name] = try CollectionValues.normalized(given, for: field)
    }
    vectors = [:]
    sources = [:]
    for spec in schema.vectorFields {
      if let given = object[spec.name], given != .null {
        vectors[spec.name] = try Self.vector(given, spec: spec)
      } else if let source = spec.sourceField, case .string(let text) = fields[source] ?? .null {
        sources[spec.name] =
          spec.sourceType == .text
          ? .text(text) : try EmbeddingInput.image(reference: text, field: source)
      }
    }
  }

  /// The scalar fields as the store keeps them (a JSON object).
  func fieldsJSON() throws -> Data {
    try WireJSON.data(fields)
  }

  private static func integer(_ value: JSONValue, field: CollectionField) throws -> Int64 {
    guard case .number(let number) = try CollectionValues.normalized(value, for: field) else {
      throw ServiceError.invalidParameter("\(field.name) must be an integer")
    }
    return Int64(number)
  }

  static func vector(_ value: JSONValue, spec: VectorFieldSpec) throws -> [Float] {
    guard case .array(let items) = value, items.count == spec.dimension else {
      throw ServiceError.invalidParameter("\(spec.name) must be an array of \(spec.dimension) numbers")
    }
    return try items.map { item in
      guard case .number(let number) = item, number.isFinite else {
        throw ServiceError.invalidParameter("\(spec.name) must hold finite numbers")
      }
      return Float(number)
    }
  }
}
