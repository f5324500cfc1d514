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

  /// A device's property as OpenVINO reports it, e.g. the CPU's `OPTIMIZATION_CAPABILITIES`.
  func property(device: String, key: String) throws -> String {
    var value: UnsafeMutablePointer<CChar>?
    try check(ov_core_get_property(handle, device, key, &value), "reading \(device) property \(key)")
    guard let value else { return "" }
    defer { ov_free(value) }
    return String(cString: value)
  }

  /// OpenVINO's version string, e.g. "2026.4.1-…".
  static var version: String {
    var version = ov_version_t()
    guard ov_get_openvino_version(&version) == OK, let build = version.buildNumber else { return "unknown" }
    defer { ov_version_free(&version) }
    return String(cString: build)
  }
}
