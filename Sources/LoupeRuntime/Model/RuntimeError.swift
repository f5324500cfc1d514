/// Failures of model loading and inference, each naming what went wrong.
public enum RuntimeError: Error, Equatable, CustomStringConvertible {
  case modelFileMissing(path: String)
  case modelFileCorrupt(path: String, reason: String)
  case checksumMismatch(path: String, expected: String, actual: String)
  case openVINO(operation: String, status: Int, message: String)
  case inputMismatch(String)
  case unsupportedElementType(String)

  public var description: String {
    switch self {
    case .modelFileMissing(let path):
      "model file not found: \(path) (run ./scripts/setup)"
    case .modelFileCorrupt(let path, let reason):
      "model file is corrupt or unreadable: \(path): \(reason)"
    case .checksumMismatch(let path, let expected, let actual):
      "model file checksum mismatch: \(path): expected sha256 \(expected), found \(actual)"
    case .openVINO(let operation, let status, let message):
      "OpenVINO \(operation) failed (status \(status)): \(message)"
    case .inputMismatch(let reason):
      "model input mismatch: \(reason)"
    case .unsupportedElementType(let type):
      "unsupported tensor element type: \(type)"
    }
  }
}
