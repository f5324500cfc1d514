/// The int8 dot product of two quantised rows, accumulated exactly in Int32: codes lie in
/// [−127, 127], so a 512-d product is at most 512 × 127² ≈ 8.3M, far from overflow.
enum Int8Kernels {
  @inline(__always)
  static func dot(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>, count: Int) -> Int32 {
    let rawA = UnsafeRawPointer(a)
    let rawB = UnsafeRawPointer(b)
    var first = SIMD16<Int32>()
    var second = SIMD16<Int32>()
    var index = 0
    while index + 32 <= count {
      let a1 = SIMD16<Int32>(truncatingIfNeeded: rawA.loadUnaligned(fromByteOffset: index, as: SIMD16<Int8>.self))
      let b1 = SIMD16<Int32>(truncatingIfNeeded: rawB.loadUnaligned(fromByteOffset: index, as: SIMD16<Int8>.self))
      let a2 = SIMD16<Int32>(
        truncatingIfNeeded: rawA.loadUnaligned(fromByteOffset: index + 16, as: SIMD16<Int8>.self)
      )
      let b2 = SIMD16<Int32>(
        truncatingIfNeeded: rawB.loadUnaligned(fromByteOffset: index + 16, as: SIMD16<Int8>.self)
      )
      first &+= a1 &* b1
      second &+= a2 &* b2
      index += 32
    }
    var sum = (first &+ second).wrappedSum()
    while index < count {
      sum &+= Int32(a[index]) &* Int32(b[index])
      index += 1
    }
    return sum
  }
}
