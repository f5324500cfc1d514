import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Benchmarks (build with -c release; ./scripts/run does).",
    subcommands: [
      BenchFacesCommand.self, BenchIngestCommand.self, BenchOCRCommand.self, BenchSearchCommand.self,
      BenchServeCommand.self, BenchSpeechCommand.self, BenchVectorsCommand.self, BenchVideoCommand.self,
    ]
  )
}
