import Foundation
import LoupeStore

/// Receives the body of one signed PUT and stores it under its object key: written to a
/// temporary file beside the object, counted against the token's size limit as it arrives, and
/// moved into place and recorded only once complete, so an aborted or oversized upload leaves
/// nothing behind.
public final class UploadWriter {
  let token: SignedToken
  let kind: LibraryUpload.Kind
  let destination: URL
  let temporary: URL
  let handle: FileHandle
  let repository: LibraryMediaRepository
  private(set) var written = 0
  private var finished = false

  init(token: SignedToken, kind: LibraryUpload.Kind, destination: URL, repository: LibraryMediaRepository) throws {
    self.token = token
    self.kind = kind
    self.destination = destination
    self.repository = repository
    temporary = destination.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).part")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600])
    else { throw LibraryFailure.unavailable("the upload cannot be stored") }
    handle = try FileHandle(forWritingTo: temporary)
  }

  deinit {
    if !finished { abort() }
  }

  /// Appends bytes; throws `tooLarge` (and discards the upload) past the limit.
  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    written += bytes.count
    if let limit = token.maxBytes, written > limit {
      abort()
      throw LibraryFailure.tooLarge(limit: limit)
    }
    try handle.write(contentsOf: bytes)
  }

  /// Moves the file into place and records the upload, ready to be registered.
  public func finish(fileName: String, now: Date = Date()) async throws {
    try handle.close()
    finished = true
    guard written > 0 else {
      try? FileManager.default.removeItem(at: temporary)
      throw LibraryFailure.invalid("the upload is empty")
    }
    // rename(2) replaces atomically: a reader sees the old file or the whole new one.
    guard rename(temporary.path, destination.path) == 0 else {
      try? FileManager.default.removeItem(at: temporary)
      throw LibraryFailure.unavailable("the upload cannot be stored")
    }
    try await repository.record(
      LibraryUpload(
        objectKey: token.subject,
        projectID: token.projectID,
        kind: kind,
        fileName: fileName,
        contentType: token.contentType ?? "application/octet-stream",
        size: written,
        createdAt: now
      )
    )
  }

  /// Drops what was written.
  public func abort() {
    guard !finished else { return }
    finished = true
    try? handle.close()
    try? FileManager.default.removeItem(at: temporary)
  }
}
