import ArgumentParser
import Foundation
import Hummingbird
import Logging
import LoupeAnalysis
import LoupeRuntime
import LoupeServer
import LoupeStore

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run the PAI-compatible analysis server (SQLite store in the data directory).")

  @Option(help: "Address to bind (default 127.0.0.1). Env: LOUPE_HOST.") var host: String?
  @Option(help: "Port (default 8080; 0 picks a free one). Env: LOUPE_PORT.") var port: Int?
  @OptionGroup var dataDirectory: DataDirectoryOption
  @Option(help: "JSON config file: limits, fetch policy, media roots. Env: LOUPE_CONFIG.") var config: String?
  @Option(help: "Inference precision: f32 or bf16.") var precision: Precision = .f32
  @Option(help: "Inference threads per model (default: all cores).") var threads: Int?

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    var configuration = ServerConfiguration(dataDirectory: dataDirectory.url)
    if let path = config ?? environment["LOUPE_CONFIG"] {
      do {
        try configuration.apply(try ConfigurationFile.load(from: URL(fileURLWithPath: path)))
      } catch {
        throw CLIError("config \(path): \(error)")
      }
    }
    if dataDirectory.path != nil || environment["LOUPE_DATA_DIR"] != nil {
      configuration.dataDirectory = dataDirectory.url
    }
    if let host = host ?? environment["LOUPE_HOST"] { configuration.host = host }
    if let port = port ?? environment["LOUPE_PORT"].flatMap(Int.init) { configuration.port = port }

    var logger = Logger(label: "loupe")
    logger.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    let options = InferenceOptions(precision: precision, threads: threads, concurrentRequests: 2)
    let lock: DataDirectoryLock
    do {
      lock = try DataDirectoryLock(directory: configuration.dataDirectory)
    } catch {
      throw CLIError("\(error)")
    }
    let analysis = try await LiveImageAnalysis.load(
      dependencies: try DependenciesDirectory.required(), options: options)
    let videoAnalysis = try await LiveVideoAnalysis.load(sharing: analysis)
    let portraits = try LivePortraitService.load(
      dependencies: try DependenciesDirectory.required(), options: options, renderer: FaceFusionRenderer())
    let database = try LoupeDatabase(directory: configuration.dataDirectory)
    let application = try buildApplication(
      configuration: configuration,
      dependencies: ServerDependencies(
        database: database, analysis: analysis, videoAnalysis: videoAnalysis, portraits: portraits),
      logger: logger,
      onServerRunning: { [host = configuration.host, logger] port in
        logger.info("Loupe listening on http://\(host):\(port)")
      })
    try await application.runService()
    // The lock is held, and so the store owned, until the server has stopped.
    withExtendedLifetime(lock) {}
  }
}
