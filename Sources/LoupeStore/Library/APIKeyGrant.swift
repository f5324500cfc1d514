/// An authenticated key and the projects it may see, in the order they were granted.
public struct APIKeyGrant: Sendable, Equatable {
  public let key: APIKeyRecord
  public let projects: [ProjectRecord]

  public init(key: APIKeyRecord, projects: [ProjectRecord]) {
    self.key = key
    self.projects = projects
  }

  /// The granted project with this id; `nil` for any other, so that another project's resources
  /// are indistinguishable from missing ones.
  public func project(id: String) -> ProjectRecord? {
    projects.first { $0.id == id }
  }
}
