import Foundation
import Hummingbird
import LoupeStore

/// The account part of the AI-Mage Search API (`/v0`, wire-compatible with `aimage-sdk` 0.8.0):
/// ping, the key's own description and its projects; and 501 for the parts Loupe does not serve.
struct LibraryRoutes {
  /// What a project can be searched by: clips (`POST /v0/search/clips`); Loupe has no moment
  /// index.
  static let searchCapabilities = ["clips"]

  struct Ping: Encodable {
    var status = "ok"
    var version: String
    var time: String
  }

  struct Project: Encodable {
    var id: String
    var name: String
    var role: String
    var searchCapabilities: [String]

    enum CodingKeys: String, CodingKey {
      case id, name, role
      case searchCapabilities = "search_capabilities"
    }

    init(_ project: ProjectRecord, key: APIKeyRecord) {
      id = project.id
      name = project.name
      role = key.isReadOnly ? "viewer" : "editor"
      searchCapabilities = LibraryRoutes.searchCapabilities
    }
  }

  struct Me: Encodable {
    var keyName: String
    var keyPreview: String
    var projects: [Project]
    /// Loupe has no Agent and so no Agent budgets.
    var agentUsage: [String] = []

    enum CodingKeys: String, CodingKey {
      case projects
      case keyName = "key_name"
      case keyPreview = "key_preview"
      case agentUsage = "agent_usage"
    }
  }

  struct Projects: Encodable {
    var projects: [Project]
    var total: Int
  }

  let version: String

  /// `GET /v0/ping` answers without a key, as a liveness check.
  func addPublic(to group: RouterGroup<LoupeRequestContext>) {
    group.get("ping") { _, _ in
      try KeyAPIResponse.json(Ping(version: version, time: RFC3339Time.string(from: Date())))
    }
  }

  func add(to group: RouterGroup<KeyRequestContext>) {
    group.get("me") { _, context in
      let key = context.grant.key
      return try KeyAPIResponse.json(
        Me(
          keyName: key.name,
          keyPreview: key.preview,
          projects: context.grant.projects.map { Project($0, key: key) }
        )
      )
    }
    group.get("projects") { _, context in
      let projects = context.grant.projects.map { Project($0, key: context.grant.key) }
      return try KeyAPIResponse.json(Projects(projects: projects, total: projects.count))
    }
    // Parts of the API other issues bring; a clear 501 instead of a 404 that looks like a typo.
    for (path, what) in [
      ("materials", "materials"), ("materials/**", "materials"), ("search/moments", "moment search"),
      ("agent/**", "the agent"), ("review/**", "review"),
    ] {
      for method in [HTTPRequest.Method.get, .post, .put, .delete] {
        group.on(RouterPath(path), method: method) { _, _ -> Response in throw KeyAPIError.notImplemented(what) }
      }
    }
  }
}
