/// A vector quantised to int8 with its own scale: `value ≈ code × scale`, the scale set by the
/// largest magnitude so the codes use the whole [−127, 127] range. A scale per vector, rather
/// than one for the set, keeps vectors of small norm as precise as large ones.
struct Int8Codes {
  var codes: [Int8]
  var scale: Float

  init(_ vector: [Float]) {
    let largest = vector.reduce(Float(0)) { max($0, abs($1)) }
    scale = largest > 0 ? largest / 127 : 0
    let inverse = largest > 0 ? 127 / largest : 0
    codes = vector.map { Int8(max(-127, min(127, ($0 * inverse).rounded()))) }
  }
}
