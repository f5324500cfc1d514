import Foundation
import LoupeServices
import LoupeStore

/// `POST /v1/collections`.
struct CreateCollectionRequest: Decodable {
  var name: String
  var fields: [Field]
  var vectorFields: [VectorField]?
  var ifExists: String?

  struct Field: Decodable {
    var name: String
    var type: String
    var primaryKey: Bool?
    var nullable: Bool?
    var dimension: Int?

    enum CodingKeys: String, CodingKey {
      case name, type, nullable, dimension
      case primaryKey = "primary_key"
    }
  }

  struct VectorField: Decodable {
    var name: String
    var sourceField: String?
    var sourceType: String?
    var model: String?
    var distance: String?
    var dimension: Int?

    enum CodingKeys: String, CodingKey {
      case name, model, distance, dimension
      case sourceField = "source_field"
      case sourceType = "source_type"
    }
  }

  enum CodingKeys: String, CodingKey {
    case name, fields
    case vectorFields = "vector_fields"
    case ifExists = "if_exists"
  }

  var definition: CollectionDefinition {
    CollectionDefinition(
      fields: fields.map {
        .init(
          name: $0.name,
          type: $0.type,
          isPrimaryKey: $0.primaryKey ?? false,
          isNullable: $0.nullable,
          dimension: $0.dimension
        )
      },
      vectorFields: (vectorFields ?? []).map {
        .init(
          name: $0.name,
          sourceField: $0.sourceField,
          sourceType: $0.sourceType,
          model: $0.model,
          distance: $0.distance,
          dimension: $0.dimension
        )
      }
    )
  }

  func ifExistsPolicy() throws -> CollectionRepository.IfExists {
    guard let policy = CollectionRepository.IfExists(rawValue: ifExists ?? "fail") else {
      throw KeyAPIError.validation("if_exists must be fail, skip or overwrite")
    }
    return policy
  }
}

/// A collection as clients read it.
struct CollectionPayload: Encodable {
  var name: String
  var fields: [CollectionField]
  var vectorFields: [VectorFieldSpec]
  var rowCount: Int
  var index: [String: IndexState]
  var createdAt: String

  struct IndexState: Encodable {
    /// `ready` once built (on the first search after a start), else `not_built`.
    var state: String
    var vectors: Int?
  }

  enum CodingKeys: String, CodingKey {
    case name, fields, index
    case vectorFields = "vector_fields"
    case rowCount = "row_count"
    case createdAt = "created_at"
  }

  init(_ summary: CollectionSummary) {
    name = summary.name
    fields = summary.schema.fields
    vectorFields = summary.schema.vectorFields
    rowCount = summary.rowCount
    index = Dictionary(
      uniqueKeysWithValues: summary.schema.vectorFields.map { field in
        let count = summary.indexedVectors[field.name]
        return (field.name, IndexState(state: count == nil ? "not_built" : "ready", vectors: count))
      }
    )
    createdAt = RFC3339Time.string(from: summary.createdAt, timeZone: TimeZone(identifier: "UTC")!)
  }
}

struct InsertRowsRequest: Decodable {
  var rows: [JSONValue]
  var mode: String?
}

struct InsertRowsResponse: Encodable {
  var inserted: Int
  var ids: [JSONValue]
  var errors: [RowError]

  struct RowError: Encodable {
    var index: Int
    var message: String
  }
}

struct QueryRowsRequest: Decodable {
  var filter: JSONValue?
  var offset: Int?
  var limit: Int?
  var includeVectors: Bool?

  enum CodingKeys: String, CodingKey {
    case filter, offset, limit
    case includeVectors = "include_vectors"
  }
}

struct DeleteRowsRequest: Decodable {
  var ids: [JSONValue]?
  var filter: JSONValue?
}

/// `POST /v1/collections/{name}/search`.
struct SearchCollectionRequest: Decodable {
  var query: Query
  var vectorField: String?
  var limit: Int?
  var filter: JSONValue?
  var distanceThreshold: Double?
  var includeVectors: Bool?

  enum CodingKeys: String, CodingKey {
    case query, limit, filter
    case vectorField = "vector_field"
    case distanceThreshold = "distance_threshold"
    case includeVectors = "include_vectors"
  }

  /// A text, `{"image_url"}`, `{"image_base64"}` or `{"vector"}`.
  enum Query: Decodable {
    case text(String)
    case imageURL(String)
    case imageBase64(String)
    case vector([Float])

    enum Keys: String, CodingKey {
      case imageURL = "image_url"
      case imageBase64 = "image_base64"
      case vector
    }

    init(from decoder: any Decoder) throws {
      if let text = try? decoder.singleValueContainer().decode(String.self) {
        self = .text(text)
        return
      }
      let object = try decoder.container(keyedBy: Keys.self)
      if let url = try object.decodeIfPresent(String.self, forKey: .imageURL) {
        self = .imageURL(url)
      } else if let base64 = try object.decodeIfPresent(String.self, forKey: .imageBase64) {
        self = .imageBase64(base64)
      } else if let vector = try object.decodeIfPresent([Float].self, forKey: .vector) {
        self = .vector(vector)
      } else {
        throw DecodingError.keyNotFound(
          Keys.imageURL,
          .init(
            codingPath: decoder.codingPath,
            debugDescription: "query needs a text, image_url, image_base64 or vector"
          )
        )
      }
    }

    func collectionQuery() throws -> CollectionQuery {
      switch self {
      case .text(let text): return .text(text)
      case .imageURL(let url): return .image(.image(try MediaSource.parse(url, field: "query.image_url")))
      case .imageBase64(let base64):
        let payload = base64.hasPrefix("data:") ? base64 : "data:;base64," + base64
        return .image(.image(try MediaSource.parse(payload, field: "query.image_base64")))
      case .vector(let vector): return .vector(vector)
      }
    }
  }
}
