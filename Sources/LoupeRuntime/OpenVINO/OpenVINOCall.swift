internal import COpenVINO

/// Turns an OpenVINO status into a thrown `RuntimeError` carrying the library's own message.
func check(_ status: ov_status_e, _ operation: String) throws {
  guard status != OK else { return }
  let message = ov_get_last_err_msg().map { String(cString: $0) } ?? ""
  throw RuntimeError.openVINO(
    operation: operation,
    status: Int(status.rawValue),
    message: message.isEmpty ? "no details" : message
  )
}

/// Copies an `ov_shape_t` into Swift dimensions.
func dimensions(of shape: ov_shape_t) -> [Int] {
  (0..<Int(shape.rank)).map { Int(shape.dims[$0]) }
}
