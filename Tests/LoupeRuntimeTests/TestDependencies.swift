import Foundation
import LoupeRuntime

/// The installed `.deps/` (scripts/test sets LOUPE_DEPS; `swift test` from the repo finds it).
enum TestDependencies {
  static let directory: DependenciesDirectory = {
    guard let directory = DependenciesDirectory.locate() else {
      fatalError("run ./scripts/setup before the tests: .deps/ not found")
    }
    return directory
  }()
}
