import LoupeRuntime

extension DependenciesDirectory {
  /// The installed dependencies, or a clear error saying how to get them.
  static func required() throws -> DependenciesDirectory {
    guard let directory = DependenciesDirectory.locate() else {
      throw CLIError("dependencies not found: run ./scripts/setup, or set LOUPE_DEPS to the .deps folder")
    }
    return directory
  }
}
