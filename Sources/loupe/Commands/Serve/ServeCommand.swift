import ArgumentParser
import Foundation
import Logging
import LoupeRuntime
import LoupeServer
import LoupeServices
import LoupeStore
import ServiceLifecycle

/// `loupe serve`: the composition root. It reads the configuration, loads the models once
/// (through the process-wide model cache), builds the application services over the store, and
/// runs the HTTP edge, the job workers, or both, as `--role` says.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run the PAI-compatible analysis server (SQLite store in the data directory).",
    discussion: """
      --role all (the default) answers HTTP and runs the job workers in one process. --role api \
      answers HTTP and queues jobs without running them; --role worker runs the job workers \
      without HTTP. An api and a worker process share one data directory on one host; at most one \
      process with workers (all or worker) may use a data directory at a time.
      """
  )

  @Option(help: "What this process runs: all (HTTP and job workers), api (HTTP only) or worker (jobs only).")
  var role: ServeRole = .all
  @Option(help: "Address to bind (default 127.0.0.1). Env: LOUPE_HOST.") var host: String?
  @Option(help: "Port (default 8080; 0 picks a free one). Env: LOUPE_PORT.") var port: Int?
  @OptionGroup var dataDirectory: DataDirectoryOption
  @Option(help: "JSON config file: limits, fetch policy, media roots. Env: LOUPE_CONFIG.") var config: String?
  @Option(help: "Inference precision: f32 or bf16.") var precision: Precision = .f32
  @Option(help: "Inference threads per model (default: all cores).") var threads: Int?
  @Option(help: "PEM certificate chain; with --tls-key, the server speaks only HTTPS.") var tlsCert: String?
  @Option(help: "PEM private key of --tls-cert.") var tlsKey: String?

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    var server = ServerConfiguration()
    var services = ServiceConfiguration(dataDirectory: dataDirectory.url)
    if let path = config ?? environment["LOUPE_CONFIG"] {
      do {
        let file = try ConfigurationFile.load(from: URL(fileURLWithPath: path))
        server.apply(file)
        try services.apply(file)
      } catch {
        throw CLIError("config \(path): \(error)")
      }
    }
    if dataDirectory.path != nil || environment["LOUPE_DATA_DIR"] != nil {
      services.dataDirectory = dataDirectory.url
    }
    if let host = host ?? environment["LOUPE_HOST"] { server.host = host }
    if let port = port ?? environment["LOUPE_PORT"].flatMap(Int.init) { server.port = port }
    switch (tlsCert, tlsKey) {
    case (let certificate?, let key?): server.tls = TLSFiles(certificateChain: certificate, privateKey: key)
    case (nil, nil): break
    default: throw CLIError("--tls-cert and --tls-key go together")
    }
    do {
      try server.checkTLSFiles()
    } catch {
      throw CLIError("\(error)")
    }

    var logger = Logger(label: "loupe")
    logger.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    logger[metadataKey: "role"] = .string(role.rawValue)
    if !precision.runsNatively {
      logger.warning("this CPU has no bf16 support (AVX512_BF16 or AMX): OpenVINO runs \(precision.effective.rawValue)")
    }
    // Workers own the data directory's scratch folder and running jobs: one such process at a time.
    let lock: DataDirectoryLock?
    do {
      lock = role.runsWorkers ? try DataDirectoryLock(directory: services.dataDirectory) : nil
    } catch {
      throw CLIError("\(error)")
    }
    let engines = try await AnalysisEngines.live(
      dependencies: try DependenciesDirectory.required(),
      options: InferenceOptions(precision: precision, threads: threads, concurrentRequests: 2),
      drawnFaces: services.library.drawnFaces
    )
    let application = try Services(
      configuration: services,
      database: try LoupeDatabase(directory: services.dataDirectory),
      engines: engines
    )
    let workers: [any Service] =
      role.runsWorkers
      ? [try application.workers(logger: logger)] + [application.blobRetention(logger: logger)].compactMap { $0 } : []
    if role.servesHTTP {
      let scheme = server.tls == nil ? "http" : "https"
      do {
        let http = try buildApplication(
          configuration: server,
          services: application,
          backgroundServices: workers,
          logger: logger,
          onServerRunning: { [host = server.host, logger] port in
            logger.info("Loupe listening on \(scheme)://\(host):\(port)")
          }
        )
        try await http.runService()
      } catch let error as ServerSetupError {
        throw CLIError("\(error)")
      }
    } else {
      let group = ServiceGroup(
        configuration: .init(
          services: [application.httpClientService] + workers,
          gracefulShutdownSignals: [.sigterm, .sigint],
          logger: logger
        )
      )
      logger.info("Loupe workers running")
      try await group.run()
    }
    // The lock is held, and so the store's workers owned, until the process has stopped.
    withExtendedLifetime(lock) {}
  }
}
