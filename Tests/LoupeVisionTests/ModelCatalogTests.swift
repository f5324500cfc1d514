import Foundation
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

@Suite(.offCooperativePool) struct ModelCatalogTests {
  /// scripts/setup verifies the files listed in scripts/models/manifest.tsv; the Swift catalogue
  /// must list exactly the same files, checksums and licences.
  @Test func catalogueMatchesTheSetupManifest() throws {
    let manifest = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scripts/models/manifest.tsv")
    let rows = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") && !$0.isEmpty }
      .map { $0.split(separator: "\t").map(String.init) }
    let fromManifest = rows.map { ModelFile(id: $0[0], package: $0[1], path: $0[2], sha256: $0[3], licence: $0[4]) }
    #expect(Set(fromManifest) == Set(ModelCatalog.all))
    #expect(fromManifest.count == ModelCatalog.all.count)
  }

  @Test func everyModelIsInstalledAndVerified() throws {
    for file in ModelCatalog.all {
      #expect(throws: Never.self) { try VisionFixtures.dependencies.verifiedPath(of: file) }
    }
  }
}
