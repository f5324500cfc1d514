/// A single-range `Range: bytes=…` header (RFC 9110 §14.1.2): `a-b`, `a-` or the suffix `-n`.
/// Multiple ranges are not served: the whole file is (a server may ignore Range).
struct ByteRange: Equatable {
  let lower: Int
  let upper: Int

  /// `nil` when the header is absent, malformed or asks for several ranges; throws
  /// `unsatisfiable` when it cannot overlap a file of `size` bytes.
  static func parse(_ header: String?, size: Int) throws -> ByteRange? {
    guard let header, header.hasPrefix("bytes="), !header.contains(",") else { return nil }
    let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
    let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else { return nil }
    if parts[0].isEmpty {
      guard let suffix = Int(parts[1]), suffix > 0 else { return nil }
      guard size > 0 else { throw Unsatisfiable() }
      return ByteRange(lower: max(0, size - suffix), upper: size - 1)
    }
    guard let lower = Int(parts[0]), lower >= 0 else { return nil }
    let upper = parts[1].isEmpty ? Int.max : Int(parts[1])
    guard let upper, upper >= lower else { return nil }
    guard lower < size else { throw Unsatisfiable() }
    return ByteRange(lower: lower, upper: min(upper, size - 1))
  }

  struct Unsatisfiable: Error {}
}
