import Foundation
import GRDB

/// A collection as stored: its project, name and schema.
public struct CollectionRecord: Sendable, Equatable {
  public var id: Int64
  public var projectID: String
  public var name: String
  public var schema: CollectionSchema
  public var createdAt: Date

  init(row: Row) throws {
    id = row["id"]
    projectID = row["project_id"]
    name = row["name"]
    createdAt = row["created_at"]
    let json: String = row["schema"]
    schema = try JSONDecoder().decode(CollectionSchema.self, from: Data(json.utf8))
  }

  init(id: Int64, projectID: String, name: String, schema: CollectionSchema, createdAt: Date) {
    self.id = id
    self.projectID = projectID
    self.name = name
    self.schema = schema
    self.createdAt = createdAt
  }
}
