import Foundation

/// Vectors as the store keeps them in blobs: little-endian float32, one after another.
public enum VectorBlob {
  public static func data(_ vector: [Float]) -> Data {
    var data = Data(capacity: vector.count * 4)
    for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
    return data
  }

  public static func vector(_ data: Data) -> [Float] {
    stride(from: 0, to: data.count - 3, by: 4).map { offset in
      var bits: UInt32 = 0
      for byte in 0..<4 { bits |= UInt32(data[data.startIndex + offset + byte]) << (8 * byte) }
      return Float(bitPattern: bits)
    }
  }
}
