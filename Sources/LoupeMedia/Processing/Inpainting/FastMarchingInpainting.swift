/// Telea's inpainting (2004, "An image inpainting technique based on the fast marching
/// method"): the hole is filled from its edge inwards in order of distance (a fast-marching
/// front), each pixel from the known pixels within `radius`, weighted towards those along the
/// distance's gradient (direction), near it (distance) and on the same level of the front
/// (level). Fine structure entering the hole is carried a little way in and then blurs; smooth
/// regions fill smoothly. Cost O(n · radius²) for n hole pixels, so thin holes (text strokes,
/// their fringes) are cheap.
public struct FastMarchingInpainting: Sendable, Equatable {
  public var radius: Int

  public init(radius: Int = 5) {
    self.radius = max(1, radius)
  }

  /// `image` with every pixel where `hole` ≥ 0.5 filled; every other sample is `image`'s,
  /// unchanged. `nil` when the sizes differ; a hole covering the whole image is left as it is
  /// (nothing to fill from).
  public func inpaint(_ image: FloatImage, hole: Mask) -> FloatImage? {
    guard image.hasSameSize(as: hole) else { return nil }
    let width = image.width, height = image.height, channels = image.channels
    var state = [State](repeating: .known, count: width * height)
    var distance = [Float](repeating: 0, count: width * height)
    var holeCount = 0
    for pixel in state.indices where hole.values[pixel] >= 0.5 {
      state[pixel] = .inside
      distance[pixel] = .infinity
      holeCount += 1
    }
    guard holeCount > 0, holeCount < state.count else { return image }
    var front = MinimumHeap()
    // The front starts on the known pixels that touch the hole.
    for y in 0..<height {
      for x in 0..<width where state[y * width + x] == .known {
        let touches =
          (x > 0 && state[y * width + x - 1] == .inside) || (x + 1 < width && state[y * width + x + 1] == .inside)
          || (y > 0 && state[(y - 1) * width + x] == .inside)
          || (y + 1 < height && state[(y + 1) * width + x] == .inside)
        if touches {
          state[y * width + x] = .band
          front.push(0, y * width + x)
        }
      }
    }
    var output = image
    let offsets = Self.offsets(radius: radius)
    var sums = [Float](repeating: 0, count: channels)
    while let (_, pixel) = front.pop() {
      guard state[pixel] == .band else { continue }
      state[pixel] = .known
      let x = pixel % width, y = pixel / width
      for side in 0..<4 {
        let nx = side == 0 ? x - 1 : side == 1 ? x + 1 : x, ny = side == 2 ? y - 1 : side == 3 ? y + 1 : y
        guard nx >= 0, ny >= 0, nx < width, ny < height else { continue }
        let neighbour = ny * width + nx
        guard state[neighbour] == .inside else { continue }
        let arrival = Self.arrival(at: nx, ny, width: width, height: height, state: state, distance: distance)
        distance[neighbour] = arrival
        fill(nx, ny, in: &output, state: state, distance: distance, offsets: offsets, sums: &sums)
        state[neighbour] = .band
        front.push(arrival, neighbour)
      }
    }
    return output
  }

  /// `inpaint` on 8-bit images.
  public func inpaint(_ image: PixelBuffer, hole: Mask) -> PixelBuffer? {
    inpaint(FloatImage(image), hole: hole).flatMap(PixelBuffer.init)
  }

  enum State: UInt8 {
    case known, band, inside
  }

  /// Offsets within the disc of `radius`, the centre left out.
  static func offsets(radius: Int) -> [(dx: Int, dy: Int)] {
    var offsets: [(dx: Int, dy: Int)] = []
    for dy in -radius...radius {
      for dx in -radius...radius where (dx != 0 || dy != 0) && dx * dx + dy * dy <= radius * radius {
        offsets.append((dx, dy))
      }
    }
    return offsets
  }

  /// The eikonal |∇T| = 1 solved from the settled 4-neighbours (first-order upwind, the
  /// smaller of each axis's two): the front's arrival time at (x, y).
  static func arrival(at x: Int, _ y: Int, width: Int, height: Int, state: [State], distance: [Float]) -> Float {
    func settled(_ x: Int, _ y: Int) -> Float {
      guard x >= 0, y >= 0, x < width, y < height, state[y * width + x] != .inside else { return .infinity }
      return distance[y * width + x]
    }
    let a = min(settled(x - 1, y), settled(x + 1, y)), b = min(settled(x, y - 1), settled(x, y + 1))
    if a.isInfinite || b.isInfinite || abs(a - b) >= 1 { return min(a, b) + 1 }
    return (a + b + (2 - (a - b) * (a - b)).squareRoot()) / 2
  }

  /// The pixel's value from the settled pixels within the radius (Telea's weights).
  private func fill(
    _ x: Int,
    _ y: Int,
    in image: inout FloatImage,
    state: [State],
    distance: [Float],
    offsets: [(dx: Int, dy: Int)],
    sums: inout [Float]
  ) {
    let width = image.width, height = image.height, pixel = y * width + x, channels = image.channels
    let gradient = Self.gradient(at: x, y, width: width, height: height, state: state, distance: distance)
    let level = distance[pixel]
    for channel in 0..<channels { sums[channel] = 0 }
    var total: Float = 0
    for (dx, dy) in offsets {
      let sx = x + dx, sy = y + dy
      guard sx >= 0, sy >= 0, sx < width, sy < height else { continue }
      let source = sy * width + sx
      guard state[source] != .inside else { continue }
      let lengthSquared = Float(dx * dx + dy * dy)
      let length = lengthSquared.squareRoot()
      // r points from the source to the pixel being filled, as in Telea's paper.
      let direction = max(abs(-Float(dx) * gradient.x - Float(dy) * gradient.y) / length, 1e-6)
      let weight = direction / lengthSquared / (1 + abs(distance[source] - level))
      total += weight
      for channel in 0..<channels { sums[channel] += weight * image.samples[source * channels + channel] }
    }
    guard total > 0 else { return }
    for channel in 0..<channels { image.samples[pixel * channels + channel] = sums[channel] / total }
  }

  /// Central differences of the arrival time over settled neighbours, normalised.
  static func gradient(
    at x: Int,
    _ y: Int,
    width: Int,
    height: Int,
    state: [State],
    distance: [Float]
  ) -> (x: Float, y: Float) {
    func value(_ x: Int, _ y: Int) -> Float? {
      guard x >= 0, y >= 0, x < width, y < height, state[y * width + x] != .inside else { return nil }
      return distance[y * width + x]
    }
    let centre = distance[y * width + x]
    func derivative(_ before: Float?, _ after: Float?) -> Float {
      switch (before, after) {
      case (let b?, let a?): return (a - b) / 2
      case (nil, let a?): return a - centre
      case (let b?, nil): return centre - b
      case (nil, nil): return 0
      }
    }
    let gx = derivative(value(x - 1, y), value(x + 1, y)), gy = derivative(value(x, y - 1), value(x, y + 1))
    let norm = (gx * gx + gy * gy).squareRoot()
    return norm > 0 ? (gx / norm, gy / norm) : (0, 0)
  }
}

/// A binary min-heap of (key, pixel) for the fast-marching front.
struct MinimumHeap {
  private var keys: [Float] = []
  private var items: [Int] = []

  mutating func push(_ key: Float, _ item: Int) {
    keys.append(key)
    items.append(item)
    var child = keys.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard keys[child] < keys[parent] else { break }
      keys.swapAt(child, parent)
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> (Float, Int)? {
    guard let key = keys.first, let item = items.first else { return nil }
    let lastKey = keys.removeLast(), lastItem = items.removeLast()
    guard !keys.isEmpty else { return (key, item) }
    keys[0] = lastKey
    items[0] = lastItem
    var parent = 0
    while true {
      let left = 2 * parent + 1, right = left + 1
      var smallest = parent
      if left < keys.count, keys[left] < keys[smallest] { smallest = left }
      if right < keys.count, keys[right] < keys[smallest] { smallest = right }
      guard smallest != parent else { break }
      keys.swapAt(smallest, parent)
      items.swapAt(smallest, parent)
      parent = smallest
    }
    return (key, item)
  }
}
