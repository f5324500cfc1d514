import ArgumentParser
import Foundation

/// `--data-dir`, shared by every command that opens the store; `LOUPE_DATA_DIR` is the fallback,
/// then `./data`.
struct DataDirectoryOption: ParsableArguments {
  @Option(name: .customLong("data-dir"), help: "Data directory (database, blobs). Env: LOUPE_DATA_DIR.")
  var path: String?

  var url: URL {
    URL(fileURLWithPath: path ?? ProcessInfo.processInfo.environment["LOUPE_DATA_DIR"] ?? "data")
  }
}
