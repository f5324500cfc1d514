internal import COpenVINO

/// The process-wide OpenVINO core. Reading and compiling models through one core shares its
/// plugin and thread pools; OpenVINO documents the core as safe to use from many threads.
final class OpenVINOCore: @unchecked Sendable {
  let handle: OpaquePointer

  private init() throws {
    var core: OpaquePointer?
    try check(ov_core_create(&core), "core creation")
    guard let core else {
      throw RuntimeError.openVINO(operation: "core creation", status: -1, message: "no core returned")
    }
    handle = core
  }

  deinit {
    ov_core_free(handle)
  }

  private static let result = Result { try OpenVINOCore() }

  static func shared() throws -> OpenVINOCore {
    try result.get()
  }

  /// OpenVINO's version string, e.g. "2026.4.1-…".
  static var version: String {
    var version = ov_version_t()
    guard ov_get_openvino_version(&version) == OK, let build = version.buildNumber else { return "unknown" }
    defer { ov_version_free(&version) }
    return String(cString: build)
  }
}
