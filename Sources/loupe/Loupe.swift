import ArgumentParser

@main
struct Loupe: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "loupe",
    abstract: "Self-hosted multimedia AI: faces, analysis and search on your own machine.",
    subcommands: [
      ServeCommand.self, AppsCommand.self, LibraryCommand.self, CollectionsCommand.self, JobsCommand.self,
      FacesCommand.self, TranscribeCommand.self, OCRCommand.self, ModelsCommand.self,
      BenchCommand.self,
    ]
  )
}
