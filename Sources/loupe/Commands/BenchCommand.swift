import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Benchmarks (build with -c release; ./scripts/run does).",
    subcommands: [
      BenchFacesCommand.self, BenchOCRCommand.self, BenchServeCommand.self, BenchVectorsCommand.self,
      BenchVideoCommand.self,
    ]
  )
}
