import Foundation

/// A folder of the data directory that only the server's user may enter (mode 0700): app tokens,
/// uploads and identities live under it. The mode is enforced every time a store opens the
/// folder, not only when it is created, so a directory loosened by hand (or by a restore from
/// a backup) is private again at the next start.
enum PrivateFolder {
  @discardableResult
  static func prepare(_ directory: URL) throws -> URL {
    try FileManager.default.createDirectory(
      at: directory,
      withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700]
    )
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
    return directory
  }
}
