import Crypto
import Foundation

/// Where the library keeps its files, all under `DATA/library/` (private to the server's user):
/// uploaded objects by a hash of their key, and each video's clip thumbnails in a folder of its
/// own, so deleting a video deletes one folder.
public struct LibraryFiles: Sendable {
  public let root: URL

  public init(dataDirectory: URL) throws {
    root = dataDirectory.appendingPathComponent("library", isDirectory: true)
    for folder in [root, objects, thumbnails, playbacks] {
      try FileManager.default.createDirectory(
        at: folder,
        withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700]
      )
    }
  }

  var objects: URL { root.appendingPathComponent("objects", isDirectory: true) }
  var thumbnails: URL { root.appendingPathComponent("thumbnails", isDirectory: true) }
  var playbacks: URL { root.appendingPathComponent("playback", isDirectory: true) }

  /// The H.264/AAC rendition of a video a browser cannot play as uploaded.
  public func playback(video id: String) -> URL {
    playbacks.appendingPathComponent(Self.safe(id) + ".mp4")
  }

  /// The file of an uploaded object. Keys are the client-visible `s3_key`s; the name on disk is
  /// their hash, so no key can name a path.
  public func object(_ key: String) -> URL {
    let digest = SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    return objects.appendingPathComponent(digest)
  }

  public func thumbnailFolder(video id: String) -> URL {
    thumbnails.appendingPathComponent(Self.safe(id), isDirectory: true)
  }

  public func thumbnail(video id: String, clip index: Int) -> URL {
    thumbnailFolder(video: id).appendingPathComponent("\(index).jpg")
  }

  /// Removes a video's object and thumbnails; missing files are not an error.
  public func removeVideo(id: String, objectKey: String) {
    try? FileManager.default.removeItem(at: thumbnailFolder(video: id))
    try? FileManager.default.removeItem(at: playback(video: id))
    try? FileManager.default.removeItem(at: object(objectKey))
  }

  /// Ids are server-made UUIDs; anything else is reduced to characters a file name may hold.
  private static func safe(_ id: String) -> String {
    String(id.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" }.map(Character.init))
  }
}
