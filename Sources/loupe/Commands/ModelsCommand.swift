import ArgumentParser
import Foundation
import LoupeRuntime
import LoupeVision

struct ModelsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "models",
    abstract: "List every model file with its package, path, sha256, licence and whether it is present.",
    discussion: """
      --compile compiles every installed network now into .deps/compiled, as the first \
      `loupe serve` would, so that later starts (and every process started at once) only import \
      them; it prints each network's time.
      """
  )

  @Flag(help: "Hash each present file and report whether it matches the recorded sha256.")
  var verify = false

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  @Flag(help: "Compile every installed network into .deps/compiled, as a server's first start would.")
  var compile = false

  @Option(help: "With --compile: the precision to compile for (as loupe serve --precision).")
  var precision: Precision = .f32

  @Option(help: "With --compile: inference threads per model (as loupe serve --threads).")
  var threads: Int?

  struct Entry: Encodable {
    var id: String
    var package: String
    var path: String
    var sha256: String
    var licence: String
    var present: Bool
    var verified: Bool?
  }

  func run() async throws {
    let dependencies = DependenciesDirectory.locate()
    if compile {
      guard let dependencies else { throw CLIError("no .deps folder found: run ./scripts/setup") }
      try Self.compileNetworks(in: dependencies, options: InferenceOptions(precision: precision, threads: threads))
      return
    }
    let entries = ModelCatalog.all.map { file in
      let present = dependencies?.isPresent(file) ?? false
      let verified = verify && present ? (try? dependencies?.verifiedPath(of: file)) != nil : nil
      return Entry(
        id: file.id,
        package: file.package,
        path: dependencies?.url(for: file).path ?? ".deps/\(file.path)",
        sha256: file.sha256,
        licence: file.licence,
        present: present,
        verified: verified
      )
    }
    if json {
      try JSONOutput.print(entries)
      return
    }
    for entry in entries {
      let state =
        entry.present
        ? (entry.verified.map { $0 ? "present, sha256 ok" : "present, SHA256 MISMATCH" } ?? "present") : "MISSING"
      print("\(entry.id)  [\(state)]")
      print("  package: \(entry.package)")
      print("  path:    \(entry.path)")
      print("  sha256:  \(entry.sha256)")
      print("  licence: \(entry.licence)")
    }
  }
}

extension ModelsCommand {
  /// The files OpenVINO reads (the catalog also lists tokenizers, tables and a C library).
  static let networkExtensions: Set<String> = ["onnx", "tflite", "pb", "xml"]

  /// Compiles each installed network through the installation's compiled models, as
  /// `loupe serve` loads them, and prints its time: a model compiled before takes a fraction of
  /// a second to import.
  static func compileNetworks(in dependencies: DependenciesDirectory, options: InferenceOptions) throws {
    let networks = ModelCatalog.all.filter {
      networkExtensions.contains(URL(fileURLWithPath: $0.path).pathExtension) && dependencies.isPresent($0)
    }
    let start = ContinuousClock.now
    for file in networks {
      let began = ContinuousClock.now
      _ = try dependencies.model(file, options: options)
      let id = file.id.padding(toLength: 24, withPad: " ", startingAt: 0)
      print(id + String(format: "%6.2f s", (ContinuousClock.now - began).seconds))
    }
    let total = String(format: "%.1f s", (ContinuousClock.now - start).seconds)
    print("\(networks.count) networks in \(total) (\(dependencies.compiledModels.url.path))")
  }
}
