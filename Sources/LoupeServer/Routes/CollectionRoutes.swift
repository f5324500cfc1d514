import Foundation
import Hummingbird
import LoupeServices
import LoupeStore

/// `/v1/collections`: seed 001's image-search tables for Bearer keys. Every route acts in one
/// of the key's projects: `?project_id=` names it, and a key with one project needs no name.
struct CollectionRoutes {
  let collections: CollectionActions
  let maxJSONDepth: Int

  func add(to group: RouterGroup<KeyRequestContext>) {
    group.post("collections") { request, context in
      try context.requireWritable()
      let project = try project(of: request, context: context)
      let body = try decode(CreateCollectionRequest.self, context)
      let summary = try await collections.create(
        projectID: project.id,
        name: body.name,
        definition: body.definition,
        ifExists: try body.ifExistsPolicy()
      )
      return try KeyAPIResponse.json(CollectionPayload(summary), status: summary.created ? .created : .ok)
    }
    group.get("collections") { request, context in
      let project = try project(of: request, context: context)
      let all = try await collections.list(projectID: project.id).map(CollectionPayload.init)
      return try KeyAPIResponse.json(["collections": all])
    }
    group.get("collections/:name") { request, context in
      let project = try project(of: request, context: context)
      return try KeyAPIResponse.json(
        CollectionPayload(try await collections.get(projectID: project.id, name: try name(context)))
      )
    }
    group.delete("collections/:name") { request, context in
      try context.requireWritable()
      let project = try project(of: request, context: context)
      let name = try name(context)
      try await collections.delete(projectID: project.id, name: name)
      return try KeyAPIResponse.json(Deleted(deleted: true, name: name))
    }
    group.post("collections/:name/rows") { request, context in
      try context.requireWritable()
      let project = try project(of: request, context: context)
      let body = try decode(InsertRowsRequest.self, context)
      let upsert: Bool
      switch body.mode ?? "insert" {
      case "insert": upsert = false
      case "upsert": upsert = true
      default: throw KeyAPIError.validation("mode must be insert or upsert")
      }
      let outcome = try await collections.insert(
        projectID: project.id,
        name: try name(context),
        rows: body.rows,
        upsert: upsert,
        owner: context.grant.key.id
      )
      return try KeyAPIResponse.json(
        InsertRowsResponse(
          inserted: outcome.inserted,
          ids: outcome.ids,
          errors: outcome.errors.map { .init(index: $0.index, message: $0.message) }
        )
      )
    }
    group.get("collections/:name/rows") { request, context in
      let project = try project(of: request, context: context)
      let query = request.uri.queryParameters
      return try await page(
        project: project,
        name: try name(context),
        QueryRowsRequest(
          filter: nil,
          offset: try query["offset"].map { try integer($0, "offset") },
          limit: try query["limit"].map { try integer($0, "limit") },
          includeVectors: query["include_vectors"].map { $0 == "true" }
        )
      )
    }
    group.post("collections/:name/rows/query") { request, context in
      let project = try project(of: request, context: context)
      return try await page(project: project, name: try name(context), try decode(QueryRowsRequest.self, context))
    }
    group.get("collections/:name/rows/:id") { request, context in
      let project = try project(of: request, context: context)
      let name = try name(context)
      let id = try context.parameters.require("id")
      let key: JSONValue = Double(id).map { $0.rounded() == $0 ? .number($0) : .string(id) } ?? .string(id)
      var rows = try await collections.rows(
        projectID: project.id,
        name: name,
        ids: [key],
        withVectors: request.uri.queryParameters["include_vectors"] == "true"
      )
      if rows.isEmpty, case .number = key {
        rows = try await collections.rows(projectID: project.id, name: name, ids: [.string(id)], withVectors: false)
      }
      guard let row = rows.first else { throw KeyAPIError.notFound("row \(id)") }
      return try KeyAPIResponse.json(row)
    }
    group.post("collections/:name/rows/delete") { request, context in
      try context.requireWritable()
      let project = try project(of: request, context: context)
      let body = try decode(DeleteRowsRequest.self, context)
      let count = try await collections.deleteRows(
        projectID: project.id,
        name: try name(context),
        ids: body.ids,
        filter: body.filter
      )
      return try KeyAPIResponse.json(["deleted": count])
    }
    group.post("collections/:name/search") { request, context in
      let project = try project(of: request, context: context)
      let body = try decode(SearchCollectionRequest.self, context)
      let rows = try await collections.search(
        projectID: project.id,
        name: try name(context),
        query: try body.query.collectionQuery(),
        vectorField: body.vectorField,
        limit: body.limit ?? 10,
        filter: body.filter,
        distanceThreshold: body.distanceThreshold,
        withVectors: body.includeVectors ?? false,
        owner: context.grant.key.id
      )
      return try KeyAPIResponse.json(["rows": rows])
    }
  }

  struct Deleted: Encodable {
    var deleted: Bool
    var name: String
  }

  struct Page: Encodable {
    var rows: [[String: JSONValue]]
    var total: Int
    var offset: Int
    var limit: Int
  }

  private func page(project: ProjectRecord, name: String, _ query: QueryRowsRequest) async throws -> Response {
    let offset = query.offset ?? 0
    let limit = query.limit ?? 100
    let page = try await collections.page(
      projectID: project.id,
      name: name,
      filter: query.filter,
      offset: offset,
      limit: limit,
      withVectors: query.includeVectors ?? false
    )
    return try KeyAPIResponse.json(Page(rows: page.rows, total: page.total, offset: offset, limit: limit))
  }

  private func decode<T: Decodable>(_ type: T.Type, _ context: KeyRequestContext) throws -> T {
    try JSONBody.decode(type, from: context.rawBody, maxDepth: maxJSONDepth)
  }

  private func name(_ context: KeyRequestContext) throws -> String {
    try context.parameters.require("name")
  }

  private func integer(_ text: Substring, _ name: String) throws -> Int {
    guard let value = Int(text) else { throw KeyAPIError.validation("\(name) must be an integer") }
    return value
  }

  /// The project named by `?project_id=`, or the key's only project.
  private func project(of request: Request, context: KeyRequestContext) throws -> ProjectRecord {
    if let id = request.uri.queryParameters["project_id"] { return try context.project(String(id)) }
    guard context.grant.projects.count == 1 else {
      throw KeyAPIError.validation(
        "project_id is required: this key has \(context.grant.projects.count) projects"
      )
    }
    return context.grant.projects[0]
  }
}
