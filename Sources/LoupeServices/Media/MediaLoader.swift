import Foundation
import LoupeStore

/// Loads the bytes behind a `MediaSource` for an app. The live value fetches remote URLs under
/// the fetch policy, reads files only under the media roots and blobs only of the calling app.
public struct MediaLoader: Sendable {
  public var load: @Sendable (_ source: MediaSource, _ appID: String) async throws -> Data

  public init(load: @escaping @Sendable (_ source: MediaSource, _ appID: String) async throws -> Data) {
    self.load = load
  }

  public static func live(fetcher: RemoteFetcher, blobs: BlobStore, mediaRoots: [URL], maxBytes: Int) -> MediaLoader {
    MediaLoader { source, appID in
      switch source {
      case .remote(let url):
        return try await fetcher.fetch(url)
      case .inline(let data):
        guard data.count <= maxBytes else { throw InputError.tooLarge(limit: maxBytes) }
        return data
      case .file(let url):
        return try readFile(url, roots: mediaRoots, maxBytes: maxBytes)
      case .blob(let id):
        guard let data = try await blobs.get(id: id, appID: appID) else { throw InputError.blobNotFound(id) }
        return data
      }
    }
  }

  /// Loads `source`, naming `field` when the fetch policy refuses its URL.
  public func load(_ source: MediaSource, appID: String, field: String) async throws -> Data {
    do {
      return try await load(source, appID)
    } catch let error as FetchError where error.isPolicyRefusal {
      throw InputError.refused(field: field, reason: error.description)
    }
  }

  static func readFile(_ url: URL, roots: [URL], maxBytes: Int) throws -> Data {
    let path = try checkedFile(url, roots: roots, maxBytes: maxBytes).path
    guard let data = FileManager.default.contents(atPath: path) else { throw InputError.fileUnreadable(url.path) }
    return data
  }

  /// The regular file `url` names, once it is known to lie under a media root and to be within
  /// `maxBytes`. Symlinks are resolved before the root check, so a link inside a root cannot
  /// point outside.
  static func checkedFile(_ url: URL, roots: [URL], maxBytes: Int) throws -> URL {
    let resolved = url.standardizedFileURL.resolvingSymlinksInPath()
    let path = resolved.path
    guard roots.contains(where: { path.hasPrefix($0.path.hasSuffix("/") ? $0.path : $0.path + "/") }) else {
      throw InputError.fileOutsideMediaRoots(url.path)
    }
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      attributes[.type] as? FileAttributeType == .typeRegular,
      let size = attributes[.size] as? Int
    else { throw InputError.fileUnreadable(url.path) }
    guard size <= maxBytes else { throw InputError.tooLarge(limit: maxBytes) }
    return resolved
  }
}
