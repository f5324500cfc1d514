/// Reads the fields of one protobuf message: just enough of the wire format for a SentencePiece
/// model, so Loupe needs no protobuf library or generated code for a single file format.
struct ProtobufReader {
  enum Value {
    case varint(UInt64)
    case fixed64(UInt64)
    case bytes(ArraySlice<UInt8>)
    case fixed32(UInt32)
  }

  private let bytes: ArraySlice<UInt8>

  init(_ bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
  }

  /// Calls `body` with each field number and value, in file order.
  func forEachField(_ body: (Int, Value) throws -> Void) throws {
    var position = bytes.startIndex
    while position < bytes.endIndex {
      let tag = try varint(at: &position)
      let field = Int(tag >> 3)
      switch tag & 7 {
      case 0:
        try body(field, .varint(try varint(at: &position)))
      case 1:
        try body(field, .fixed64(try littleEndian(UInt64.self, at: &position)))
      case 2:
        let length = Int(clamping: try varint(at: &position))
        guard length <= bytes.endIndex - position else { throw SentencePieceError.malformedModel("truncated field") }
        try body(field, .bytes(bytes[position..<position + length]))
        position += length
      case 5:
        try body(field, .fixed32(try littleEndian(UInt32.self, at: &position)))
      default:
        throw SentencePieceError.malformedModel("unsupported wire type \(tag & 7)")
      }
    }
  }

  private func varint(at position: inout Int) throws -> UInt64 {
    var result: UInt64 = 0
    for shift in stride(from: 0, to: 64, by: 7) {
      guard position < bytes.endIndex else { throw SentencePieceError.malformedModel("truncated varint") }
      let byte = bytes[position]
      position += 1
      result |= UInt64(byte & 0x7F) << UInt64(shift)
      if byte & 0x80 == 0 { return result }
    }
    throw SentencePieceError.malformedModel("varint longer than 64 bits")
  }

  private func littleEndian<T: FixedWidthInteger>(_: T.Type, at position: inout Int) throws -> T {
    let size = MemoryLayout<T>.size
    guard size <= bytes.endIndex - position else { throw SentencePieceError.malformedModel("truncated number") }
    var value: T = 0
    for offset in 0..<size { value |= T(bytes[position + offset]) << T(8 * offset) }
    position += size
    return value
  }
}

extension ProtobufReader.Value {
  var integer: Int? {
    if case .varint(let value) = self { return Int(truncatingIfNeeded: value) }
    return nil
  }

  var float: Float? {
    if case .fixed32(let bits) = self { return Float(bitPattern: bits) }
    return nil
  }

  var bytes: ArraySlice<UInt8>? {
    if case .bytes(let value) = self { return value }
    return nil
  }
}
