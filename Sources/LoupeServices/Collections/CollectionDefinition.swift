import LoupeStore

/// A collection as a client defines it, before it is checked: scalar fields (one may be the
/// primary key; without one, an automatic integer `id` is added) and vector fields, each filled
/// from a source field by a model or given explicitly with a dimension.
public struct CollectionDefinition: Sendable {
  public struct Field: Sendable {
    public var name: String
    public var type: String
    public var isPrimaryKey: Bool
    public var isNullable: Bool?
    /// For a `vector` field declared among the scalar fields.
    public var dimension: Int?

    public init(name: String, type: String, isPrimaryKey: Bool = false, isNullable: Bool? = nil, dimension: Int? = nil)
    {
      self.name = name
      self.type = type
      self.isPrimaryKey = isPrimaryKey
      self.isNullable = isNullable
      self.dimension = dimension
    }
  }

  public struct VectorField: Sendable {
    public var name: String
    public var sourceField: String?
    public var sourceType: String?
    public var model: String?
    public var distance: String?
    public var dimension: Int?

    public init(
      name: String,
      sourceField: String? = nil,
      sourceType: String? = nil,
      model: String? = nil,
      distance: String? = nil,
      dimension: Int? = nil
    ) {
      self.name = name
      self.sourceField = sourceField
      self.sourceType = sourceType
      self.model = model
      self.distance = distance
      self.dimension = dimension
    }
  }

  public var fields: [Field]
  public var vectorFields: [VectorField]

  public init(fields: [Field], vectorFields: [VectorField]) {
    self.fields = fields
    self.vectorFields = vectorFields
  }

  static let maxFields = 64
  static let maxDimension = 4_096

  /// Collection and field names: identifiers, so that they read the same in JSON, filters and
  /// URLs; a leading underscore is kept for what Loupe adds to results (`_distance`, `_score`).
  static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64 else { return false }
    return (first.properties.isAlphabetic && first.isASCII)
      && name.unicodeScalars.allSatisfy {
        ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "_"
      }
  }

  /// The schema this definition describes, or the first thing wrong with it.
  public func schema() throws -> CollectionSchema {
    func invalid(_ message: String) -> ServiceError { .invalidParameter(message) }
    var scalars: [CollectionField] = []
    var vectors: [VectorFieldSpec] = []
    var declaredVectors: [String: Int?] = [:]
    var names: Set<String> = []
    for field in fields {
      guard Self.isValidName(field.name) else {
        throw invalid("field name \(field.name.debugDescription) must be a letter then letters, digits or _")
      }
      guard names.insert(field.name).inserted else { throw invalid("field \(field.name) is declared twice") }
      if field.type == "vector" {
        guard !field.isPrimaryKey else { throw invalid("a vector field cannot be the primary key") }
        declaredVectors[field.name] = field.dimension
        continue
      }
      guard let type = FieldType(rawValue: field.type) else {
        throw invalid(
          "field \(field.name): type must be one of int, float, string, bool, json, datetime, vector; got "
            + field.type.debugDescription
        )
      }
      if field.isPrimaryKey {
        guard type == .int || type == .string else { throw invalid("the primary key must be an int or a string") }
        guard field.isNullable != true else { throw invalid("the primary key cannot be nullable") }
      }
      scalars.append(
        CollectionField(
          name: field.name,
          type: type,
          isPrimaryKey: field.isPrimaryKey,
          isNullable: field.isPrimaryKey ? false : (field.isNullable ?? true)
        )
      )
    }
    let keys = scalars.filter(\.isPrimaryKey)
    guard keys.count <= 1 else { throw invalid("at most one field may be the primary key") }
    if keys.isEmpty {
      guard !names.contains("id") else { throw invalid("field id must be the primary key, or another field must be") }
      scalars.insert(CollectionField(name: "id", type: .int, isPrimaryKey: true, isNullable: false), at: 0)
      names.insert("id")
    }
    for vector in vectorFields {
      guard Self.isValidName(vector.name) else {
        throw invalid("vector field name \(vector.name.debugDescription) is not valid")
      }
      guard declaredVectors[vector.name] != nil || names.insert(vector.name).inserted else {
        throw invalid("field \(vector.name) is declared twice")
      }
      let declaredDimension = declaredVectors.removeValue(forKey: vector.name) ?? nil
      vectors.append(try spec(vector, declaredDimension: declaredDimension ?? nil, scalars: scalars))
    }
    // A `vector` among the fields without an entry in vector_fields holds explicit vectors.
    for (name, dimension) in declaredVectors.sorted(by: { $0.key < $1.key }) {
      vectors.append(try spec(VectorField(name: name, dimension: dimension), declaredDimension: nil, scalars: scalars))
    }
    guard scalars.count + vectors.count <= Self.maxFields else { throw invalid("at most \(Self.maxFields) fields") }
    return CollectionSchema(fields: scalars, vectorFields: vectors)
  }

  private func spec(
    _ vector: VectorField,
    declaredDimension: Int?,
    scalars: [CollectionField]
  ) throws -> VectorFieldSpec {
    func invalid(_ message: String) -> ServiceError { .invalidParameter("vector field \(vector.name): \(message)") }
    guard let distance = VectorFieldSpec.Distance(rawValue: vector.distance ?? "cosine") else {
      throw invalid("distance must be cosine or l2")
    }
    guard let sourceField = vector.sourceField else {
      guard vector.model == nil else { throw invalid("a model needs a source_field to embed") }
      guard let dimension = vector.dimension ?? declaredDimension, (1...Self.maxDimension).contains(dimension) else {
        throw invalid("a vector without a source_field needs a dimension of 1–\(Self.maxDimension)")
      }
      return VectorFieldSpec(
        name: vector.name,
        sourceField: nil,
        sourceType: nil,
        model: nil,
        distance: distance,
        dimension: dimension
      )
    }
    guard let source = scalars.first(where: { $0.name == sourceField }), source.type == .string else {
      throw invalid("source_field \(sourceField.debugDescription) must be a string field of the collection")
    }
    guard let sourceType = VectorFieldSpec.SourceType(rawValue: vector.sourceType ?? "image") else {
      throw invalid("source_type must be image or text")
    }
    let modelName = vector.model ?? EmbeddingModel.semantic.rawValue
    guard let model = EmbeddingModel(rawValue: modelName.split(separator: "/").last.map(String.init) ?? modelName)
    else { throw invalid("model must be one of \(EmbeddingModel.allCases.map(\.rawValue).joined(separator: ", "))") }
    guard sourceType == .image || model.acceptsText else { throw invalid("\(model.rawValue) embeds images only") }
    if let dimension = vector.dimension ?? declaredDimension, dimension != model.dimension {
      throw invalid("\(model.rawValue) gives \(model.dimension)-d vectors, not \(dimension)")
    }
    return VectorFieldSpec(
      name: vector.name,
      sourceField: sourceField,
      sourceType: sourceType,
      model: model.rawValue,
      distance: distance,
      dimension: model.dimension
    )
  }
}
