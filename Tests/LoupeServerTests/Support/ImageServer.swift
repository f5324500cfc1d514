import Foundation
import Hummingbird
import Logging
import LoupeRuntime
import LoupeServices
import LoupeTestSupport

/// A loopback HTTP server for inputs: the photos from the installed packages, a file that is not
/// an image, any `extra` files under their given names, and `/redirect?to=URL`.
enum ImageServer {
  static let photos = ["chelsea.png", "astronaut.png", "coffee.png", "motorcycle_left.png"]

  static func run(
    extra: [String: URL] = [:],
    _ body: @escaping (_ baseURL: String) async throws -> Void
  ) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-images-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let dependencies = InstalledDependencies.directory
    for photo in photos {
      try FileManager.default.copyItem(
        at: dependencies.packageFile("skimage/data/\(photo)"),
        to: folder.appendingPathComponent(photo)
      )
    }
    try Data("not an image at all".utf8).write(to: folder.appendingPathComponent("not-an-image.png"))
    for (name, file) in extra { try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(name)) }

    let router = Router()
    router.add(middleware: FileMiddleware(folder.path))
    router.get("redirect") { request, _ in
      Response(status: .found, headers: [.location: request.uri.queryParameters["to"].map(String.init) ?? "/"])
    }
    var logger = Logger(label: "image-server")
    logger.logLevel = .warning
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let application = Application(
      router: router,
      configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) },
      logger: logger
    )
    try await runUntilDone(application, logger: logger) {
      var iterator = ports.makeAsyncIterator()
      let port = await iterator.next()!
      try await body("http://127.0.0.1:\(port)")
    }
  }
}
