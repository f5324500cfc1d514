/// How a shot becomes clips: a shot up to `maxSeconds` long is one clip; a longer one is cut into
/// the fewest equal parts no longer than that, so search can point into a long take.
public enum ClipPlan {
  public static func parts(start: Double, end: Double, maxSeconds: Double) -> [(start: Double, end: Double)] {
    let length = max(0, end - start)
    let count = max(1, Int((length / maxSeconds).rounded(.up)))
    let step = length / Double(count)
    return (0..<count).map { part in
      (start + Double(part) * step, part == count - 1 ? end : start + Double(part + 1) * step)
    }
  }
}
