/// Why a vector index refused a vector or a file.
public enum VectorIndexError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The vector's length is not the index's dimension.
  case dimensionMismatch(expected: Int, actual: Int)
  /// A component is NaN or infinite (at `position`); it would poison every distance.
  case nonFiniteValue(position: Int)
  /// An all-zero vector has no direction, so it has no cosine distance to anything.
  case zeroVector
  /// No index file at `path`: the caller rebuilds from the stored vectors.
  case fileNotFound(path: String)
  /// Reading or writing `path` failed.
  case io(path: String, reason: String)
  /// The file is truncated, damaged or not an index file: the caller rebuilds.
  case corruptFile(path: String, reason: String)
  /// The file is a sound index of another dimension or metric.
  case incompatibleFile(path: String, reason: String)
  /// The file was saved at another store generation, so it misses later writes: the caller rebuilds.
  case staleFile(path: String, expectedGeneration: UInt64, foundGeneration: UInt64)
  /// The index library failed (out of memory, most likely).
  case indexFailure(reason: String)

  public var description: String {
    switch self {
    case .dimensionMismatch(let expected, let actual):
      "vector has \(actual) dimensions, the index has \(expected)"
    case .nonFiniteValue(let position): "vector component \(position) is not finite"
    case .zeroVector: "a zero vector has no cosine distance"
    case .fileNotFound(let path): "no index file at \(path)"
    case .io(let path, let reason): "index file \(path): \(reason)"
    case .corruptFile(let path, let reason): "index file \(path) is corrupt: \(reason)"
    case .incompatibleFile(let path, let reason): "index file \(path) does not fit this index: \(reason)"
    case .staleFile(let path, let expected, let found):
      "index file \(path) is from generation \(found), the store is at \(expected)"
    case .indexFailure(let reason): "vector index failed: \(reason)"
    }
  }
}
