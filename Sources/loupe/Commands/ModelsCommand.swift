import ArgumentParser
import Foundation
import LoupeRuntime
import LoupeVision

struct ModelsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "models",
    abstract: "List every model file with its package, path, sha256, licence and whether it is present."
  )

  @Flag(help: "Hash each present file and report whether it matches the recorded sha256.")
  var verify = false

  @Flag(help: "Print JSON instead of a table.")
  var json = false

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
