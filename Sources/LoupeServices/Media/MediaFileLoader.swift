import Foundation
import LoupeMedia
import LoupeStore

/// Makes a `MediaSource` a local file of at most `maxBytes`, for inputs too large to hold in
/// memory. The live value streams downloads into the scratch folder under the fetch policy,
/// checks files against the media roots and reads only the calling app's blobs.
public struct MediaFileLoader: Sendable {
  public var load:
    @Sendable (_ source: MediaSource, _ appID: String, _ maxBytes: Int, _ timeout: Duration) async throws
      -> LocalMedia

  public init(
    load:
      @escaping @Sendable (_ source: MediaSource, _ appID: String, _ maxBytes: Int, _ timeout: Duration) async throws
      -> LocalMedia
  ) {
    self.load = load
  }

  public static func live(
    fetcher: RemoteFetcher,
    blobs: BlobStore,
    mediaRoots: [URL],
    scratch: ScratchFolder
  )
    -> MediaFileLoader
  {
    MediaFileLoader { source, appID, maxBytes, timeout in
      switch source {
      case .remote(let url):
        let file = scratch.newFile()
        _ = try await fetcher.download(url, to: file, maxBytes: maxBytes, timeout: timeout)
        return LocalMedia(url: file, isTemporary: true)
      case .inline(let data):
        guard data.count <= maxBytes else { throw InputError.tooLarge(limit: maxBytes) }
        let file = scratch.newFile()
        guard FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw InputError.fileUnreadable(file.path) }
        return LocalMedia(url: file, isTemporary: true)
      case .file(let url):
        let resolved = try MediaLoader.checkedFile(url, roots: mediaRoots, maxBytes: maxBytes)
        // A sidecar is read only if it could have been named as an input itself: a link to
        // /dev/zero or outside the roots named `clip.srt` is passed over.
        let sidecars = SubtitleSidecar.find(for: resolved).compactMap { sidecar -> SubtitleSidecar? in
          guard
            let checked = try? MediaLoader.checkedFile(
              sidecar.url,
              roots: mediaRoots,
              maxBytes: SubtitleSidecar.maxBytes
            )
          else { return nil }
          return SubtitleSidecar(url: checked, format: sidecar.format, language: sidecar.language)
        }
        return LocalMedia(url: resolved, isTemporary: false, sidecars: sidecars)
      case .blob(let id):
        guard let file = try await blobs.file(id: id, appID: appID) else { throw InputError.blobNotFound(id) }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        guard size <= maxBytes else { throw InputError.tooLarge(limit: maxBytes) }
        return LocalMedia(url: file, isTemporary: false)
      }
    }
  }
}
