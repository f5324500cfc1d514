/// The int8 dot product of two quantised rows, accumulated exactly in Int32: codes lie in
/// [−127, 127], so a 512-d product is at most 512 × 127² ≈ 8.3M, far from overflow.
enum Int8Kernels {
  /// Written as a scalar loop on purpose: LLVM vectorises it into sign-extend + `vpmaddwd`
  /// (pairs of int16 products summed into int32), while Swift's generic SIMD widening
  /// (`SIMD16<Int32>(truncatingIfNeeded:)` of `SIMD16<Int8>`) is an outlined call per vector.
  @inline(__always)
  static func dot(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>, count: Int) -> Int32 {
    var sum: Int32 = 0
    for index in 0..<count {
      sum &+= Int32(truncatingIfNeeded: a[index]) &* Int32(truncatingIfNeeded: b[index])
    }
    return sum
  }
}
