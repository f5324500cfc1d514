import LoupeJobs
import LoupeStore

/// Matches a project's clips with its characters again (a `LibraryCharacterMatch` job whose object
/// is the project id), after a character's pictures changed.
struct CharacterMatchHandler: JobHandler {
  static let jobKind = "LibraryCharacterMatch"
  let repository: LibraryMediaRepository

  func run(_ job: Job, context: JobContext) async throws -> String {
    try await ProjectSignals(repository: repository).refreshCharacters(projectID: job.object)
    return "{}"
  }
}
