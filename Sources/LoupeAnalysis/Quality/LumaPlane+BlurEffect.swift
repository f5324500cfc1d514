extension LumaPlane {
  /// Crété-Roffet et al.'s no-reference blur ("The blur effect", SPIE 2007), 0 (sharp) to 1
  /// (blurred), in the blurrier of the horizontal and vertical directions.
  ///
  /// The image is blurred again with a 9-tap box along the direction; the measure is the share of
  /// the neighbour differences that survive that re-blur. A sharp image loses most of its
  /// variation, an already blurred one little. Being a ratio of the image with itself, it refers
  /// to the image's own content rather than an absolute level of detail, so a flat, clean photo
  /// is not mistaken for a blurred one, and taking the worse direction catches motion blur.
  ///
  /// Only neighbour differences of at least `blurEdgeStep` levels count: structure, not noise or
  /// quantisation. Counting every pair let the smooth parts of a photo decide, and there the
  /// smallest distortions move the measure the wrong way: mild noise (or the 1-level steps that
  /// darkening leaves in a smooth gradient) reads as detail that survives the re-blur, so a
  /// shallow-focus photo (bokeh) scored as *sharper* once noise was added (round 3's held-out
  /// set: +18 points). Where no pair reaches the step (a flat or gently graded image), every pair
  /// counts, so such an image is not taken for a blurred one.
  var blurEffect: Double {
    max(blurEffect(alongRows: true), blurEffect(alongRows: false))
  }

  static let blurEffectTaps = 9
  static let blurEdgeStep = 4

  /// Works in integers scaled by the tap count, so the measure is exact. (Plain loops over a
  /// padded copy of each line, without generic `abs` or `max`, keep debug builds fast enough for
  /// the distortion tests.)
  private func blurEffect(alongRows: Bool) -> Double {
    let taps = Self.blurEffectTaps
    let radius = taps / 2
    let (lineCount, lineLength) = alongRows ? (height, width) : (width, height)
    let step = alongRows ? 1 : width
    guard lineLength > 1 else { return 1 }
    var original = 0
    var surviving = 0
    var edgeOriginal = 0
    var edgeSurviving = 0
    let edgeDifference = taps * Self.blurEdgeStep
    var padded = [Int](repeating: 0, count: lineLength + 2 * radius)
    var boxSums = [Int](repeating: 0, count: lineLength)
    values.withUnsafeBufferPointer { values in
      padded.withUnsafeMutableBufferPointer { padded in
        boxSums.withUnsafeMutableBufferPointer { boxSums in
          for line in 0..<lineCount {
            let start = alongRows ? line * width : line
            for index in 0..<padded.count {
              let clamped = index < radius ? 0 : index - radius >= lineLength ? lineLength - 1 : index - radius
              padded[index] = Int(values[start + clamped * step])
            }
            var sum = 0
            for index in 0..<taps { sum += padded[index] }
            for index in 0..<lineLength {
              boxSums[index] = sum
              if index + taps < padded.count { sum += padded[index + taps] - padded[index] }
            }
            for index in 0..<(lineLength - 1) {
              let change = padded[index + radius + 1] - padded[index + radius]
              let difference = taps * (change < 0 ? -change : change)
              let boxStep = boxSums[index + 1] - boxSums[index]
              let remaining = difference - (boxStep < 0 ? -boxStep : boxStep)
              original += difference
              if remaining > 0 { surviving += remaining }
              if difference >= edgeDifference {
                edgeOriginal += difference
                if remaining > 0 { edgeSurviving += remaining }
              }
            }
          }
        }
      }
    }
    if edgeOriginal > 0 { return Double(edgeOriginal - edgeSurviving) / Double(edgeOriginal) }
    return original > 0 ? Double(original - surviving) / Double(original) : 1
  }
}
