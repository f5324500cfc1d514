/// f32 distance kernels over raw rows: 16 lanes at a time, two accumulators to hide latency, a
/// scalar tail for dimensions that are not a multiple of 16. Plain multiply-add rather than
/// `addingProduct`, which without FMA in the target becomes a library call per lane.
enum FloatKernels {
  @inline(__always)
  static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
    let rawA = UnsafeRawPointer(a)
    let rawB = UnsafeRawPointer(b)
    var first = SIMD16<Float>()
    var second = SIMD16<Float>()
    var index = 0
    while index + 32 <= count {
      let offset = index * MemoryLayout<Float>.stride
      first +=
        rawA.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
        * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
      second +=
        rawA.loadUnaligned(fromByteOffset: offset + 64, as: SIMD16<Float>.self)
        * rawB.loadUnaligned(fromByteOffset: offset + 64, as: SIMD16<Float>.self)
      index += 32
    }
    if index + 16 <= count {
      let offset = index * MemoryLayout<Float>.stride
      first +=
        rawA.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
        * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
      index += 16
    }
    var sum = (first + second).sum()
    while index < count {
      sum += a[index] * b[index]
      index += 1
    }
    return sum
  }

  @inline(__always)
  static func squaredDistance(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
    let rawA = UnsafeRawPointer(a)
    let rawB = UnsafeRawPointer(b)
    var first = SIMD16<Float>()
    var second = SIMD16<Float>()
    var index = 0
    while index + 32 <= count {
      let offset = index * MemoryLayout<Float>.stride
      let d1 =
        rawA.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
        - rawB.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
      let d2 =
        rawA.loadUnaligned(fromByteOffset: offset + 64, as: SIMD16<Float>.self)
        - rawB.loadUnaligned(fromByteOffset: offset + 64, as: SIMD16<Float>.self)
      first += d1 * d1
      second += d2 * d2
      index += 32
    }
    if index + 16 <= count {
      let offset = index * MemoryLayout<Float>.stride
      let d =
        rawA.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
        - rawB.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
      first += d * d
      index += 16
    }
    var sum = (first + second).sum()
    while index < count {
      let d = a[index] - b[index]
      sum += d * d
      index += 1
    }
    return sum
  }

  /// The index's distance between a prepared query and a stored row.
  @inline(__always)
  static func distance(
    _ metric: VectorMetric,
    _ query: UnsafePointer<Float>,
    _ row: UnsafePointer<Float>,
    count: Int
  ) -> Float {
    switch metric {
    case .cosine: 1 - dot(query, row, count: count)
    case .l2: squaredDistance(query, row, count: count)
    }
  }
}
