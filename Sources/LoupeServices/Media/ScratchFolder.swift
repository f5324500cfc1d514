import Foundation

/// `<data>/tmp`: downloads being worked on. Private to the server's user, on the data volume
/// (large inputs do not fill /tmp), and emptied at start, since nothing in it outlives a job.
public struct ScratchFolder: Sendable {
  public let directory: URL

  public init(dataDirectory: URL) throws {
    directory = dataDirectory.appendingPathComponent("tmp", isDirectory: true)
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(
      at: directory,
      withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700]
    )
  }

  public func newFile() -> URL {
    directory.appendingPathComponent(UUID().uuidString.lowercased())
  }
}
