internal import COpenVINO

/// Element types Loupe exchanges with models.
public enum ElementType: String, Sendable, CaseIterable {
  case float32 = "f32"
  case uint8 = "u8"
  case int32 = "i32"
  case int64 = "i64"

  var byteCount: Int {
    switch self {
    case .float32, .int32: 4
    case .uint8: 1
    case .int64: 8
    }
  }

  var openVINO: ov_element_type_e {
    switch self {
    case .float32: F32
    case .uint8: U8
    case .int32: I32
    case .int64: I64
    }
  }

  init?(openVINO type: ov_element_type_e) {
    switch type {
    case F32: self = .float32
    case U8: self = .uint8
    case I32: self = .int32
    case I64: self = .int64
    default: return nil
    }
  }
}
