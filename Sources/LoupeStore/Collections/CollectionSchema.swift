import Foundation

/// The typed columns of a collection, stored with it as JSON.
public struct CollectionSchema: Codable, Sendable, Equatable {
  public var fields: [CollectionField]
  public var vectorFields: [VectorFieldSpec]

  public init(fields: [CollectionField], vectorFields: [VectorFieldSpec]) {
    self.fields = fields
    self.vectorFields = vectorFields
  }

  /// The one primary-key field.
  public var primaryKey: CollectionField { fields.first { $0.isPrimaryKey }! }

  public func field(named name: String) -> CollectionField? { fields.first { $0.name == name } }
  public func vectorField(named name: String) -> VectorFieldSpec? { vectorFields.first { $0.name == name } }

  enum CodingKeys: String, CodingKey {
    case fields
    case vectorFields = "vector_fields"
  }
}

/// A scalar column.
public struct CollectionField: Codable, Sendable, Equatable {
  public var name: String
  public var type: FieldType
  public var isPrimaryKey: Bool
  public var isNullable: Bool

  public init(name: String, type: FieldType, isPrimaryKey: Bool = false, isNullable: Bool = true) {
    self.name = name
    self.type = type
    self.isPrimaryKey = isPrimaryKey
    self.isNullable = isNullable
  }

  enum CodingKeys: String, CodingKey {
    case name, type
    case isPrimaryKey = "primary_key"
    case isNullable = "nullable"
  }
}

public enum FieldType: String, Codable, Sendable, CaseIterable {
  case int, float, string, bool, json, datetime
}

/// A vector column: filled from `sourceField` by `model` on insert, or given explicitly.
public struct VectorFieldSpec: Codable, Sendable, Equatable {
  public var name: String
  /// The field whose value (an image URI or a text) is embedded; `nil` for explicit vectors only.
  public var sourceField: String?
  public var sourceType: SourceType?
  /// The embedding model's name (`loupe-semantic`, `loupe-visual`); `nil` for explicit vectors.
  public var model: String?
  public var distance: Distance
  public var dimension: Int

  public init(
    name: String,
    sourceField: String?,
    sourceType: SourceType?,
    model: String?,
    distance: Distance,
    dimension: Int
  ) {
    self.name = name
    self.sourceField = sourceField
    self.sourceType = sourceType
    self.model = model
    self.distance = distance
    self.dimension = dimension
  }

  public enum SourceType: String, Codable, Sendable {
    case image, text
  }

  public enum Distance: String, Codable, Sendable {
    /// 1 − cosine similarity, in [0, 2].
    case cosine
    /// Euclidean distance.
    case l2
  }

  enum CodingKeys: String, CodingKey {
    case name, model, distance, dimension
    case sourceField = "source_field"
    case sourceType = "source_type"
  }
}
