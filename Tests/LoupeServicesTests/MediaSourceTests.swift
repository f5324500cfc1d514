import Foundation
import LoupeTestSupport
import Testing

@testable import LoupeServices

@Suite(.offCooperativePool) struct MediaSourceTests {
  @Test func parsesEveryScheme() throws {
    #expect(try MediaSource.parse("https://example.com/a.jpg") == .remote(URL(string: "https://example.com/a.jpg")!))
    #expect(try MediaSource.parse("data:image/png;base64,AAEC") == .inline(Data([0, 1, 2])))
    #expect(try MediaSource.parse("data:,hi%20there") == .inline(Data("hi there".utf8)))
    #expect(try MediaSource.parse("file:///srv/media/a.png") == .file(URL(fileURLWithPath: "/srv/media/a.png")))
    let id = String(repeating: "ab", count: 32)
    #expect(try MediaSource.parse("loupe://blob/\(id)") == .blob(id: id))
  }

  @Test(arguments: [
    "", "   ", "ftp://example.com/a.jpg", "gopher://x", "not a url", "data:image/png;base64,!!!!", "data:nocomma",
    "loupe://blob/123", "file://otherhost/etc/passwd", "https:///nohost",
  ])
  func refusesWhatItCannotLoad(_ text: String) {
    #expect(throws: InputError.self) { try MediaSource.parse(text) }
  }

  @Test func filesOutsideTheMediaRootsAreRefusedEvenThroughSymlinks() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-roots-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let inside = root.appendingPathComponent("media")
    try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
    try Data("ok".utf8).write(to: inside.appendingPathComponent("a.txt"))
    try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
    try FileManager.default.createSymbolicLink(
      at: inside.appendingPathComponent("escape.txt"),
      withDestinationURL: root.appendingPathComponent("secret.txt")
    )
    let roots = [inside.resolvingSymlinksInPath()]

    #expect(
      try MediaLoader.readFile(inside.appendingPathComponent("a.txt"), roots: roots, maxBytes: 10) == Data("ok".utf8)
    )
    #expect(throws: InputError.self) {
      try MediaLoader.readFile(inside.appendingPathComponent("escape.txt"), roots: roots, maxBytes: 10)
    }
    #expect(throws: InputError.self) {
      try MediaLoader.readFile(inside.appendingPathComponent("../secret.txt"), roots: roots, maxBytes: 10)
    }
    #expect(throws: InputError.tooLarge(limit: 1)) {
      try MediaLoader.readFile(inside.appendingPathComponent("a.txt"), roots: roots, maxBytes: 1)
    }
  }
}
