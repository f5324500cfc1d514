import Foundation

/// Vectors as the store keeps them in blobs: little-endian float32, one after another.
public enum VectorBlob {
  public static func data(_ vector: [Float]) -> Data {
    let words = vector.map { $0.bitPattern.littleEndian }
    return words.withUnsafeBytes { Data($0) }
  }

  /// Reads a whole blob in one pass over its bytes: a search's snapshot reads 100,000 clips'
  /// vectors at once, and a byte-by-byte `Data` subscript took tens of seconds for them.
  public static func vector(_ data: Data) -> [Float] {
    let count = data.count / 4
    return data.withUnsafeBytes { raw in
      [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
        for index in 0..<count {
          let bits = raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)
          buffer[index] = Float(bitPattern: UInt32(littleEndian: bits))
        }
        initialized = count
      }
    }
  }
}
