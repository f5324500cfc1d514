/// Poisson image editing (Pérez, Gangnet and Blake 2003, "seamless cloning"): inside the mask,
/// the result's gradients follow a guidance field taken from the source while its values meet
/// the target's all around the mask's edge (Dirichlet boundary), so the source's content comes
/// in with the target's colour and light at the seam.
///
/// The discrete Poisson equation (5-point Laplacian, per channel) is solved on the mask's
/// bounding box by geometric multigrid (V(2, 2) cycles of Gauss–Seidel down to a 3 × 3 grid; see
/// `PoissonMultigrid`), started from the source shifted by the mean source-to-target difference
/// along the seam (the exact answer when they differ by a constant), until a cycle moves no
/// sample by more than `tolerance` or after `maximumCycles`. Each cycle cuts the error about
/// tenfold, so the remaining error is a fraction of `tolerance`. Neighbours beyond the image's
/// border are left out of the equation (a zero-gradient boundary there).
public struct SeamlessBlending: Sendable, Equatable {
  public enum Guidance: Sendable, Equatable {
    /// The source's gradients: the source's detail, re-lit to fit the target.
    case source
    /// Per neighbour pair and channel, whichever of the source's and target's differences is
    /// larger: the target's texture shows through where the source is flatter (Pérez et al.'s
    /// mixed gradients).
    case mixed
  }

  public var guidance: Guidance
  /// In sample units (0…255 scale).
  public var tolerance: Float
  public var maximumCycles: Int

  public init(guidance: Guidance = .source, tolerance: Float = 0.01, maximumCycles: Int = 50) {
    self.guidance = guidance
    self.tolerance = tolerance
    self.maximumCycles = maximumCycles
  }

  /// `target` with the region where `mask` ≥ 0.5 solved from `source`'s guidance; every other
  /// sample is `target`'s, unchanged. `nil` when `source` and `target` differ in shape or the
  /// mask's size differs; an empty mask returns `target`. For a soft edge, composite the result
  /// over the target with a feathered mask afterwards.
  public func blend(_ source: FloatImage, into target: FloatImage, mask: Mask) -> FloatImage? {
    guard source.hasSameShape(as: target), target.hasSameSize(as: mask) else { return nil }
    guard let bounds = mask.pixelBounds(above: Float(0.5).nextDown) else { return target }
    let region = SolverRegion(mask: mask, bounds: bounds)
    let solver = PoissonMultigrid(
      width: region.window.width,
      height: region.window.height,
      unknowns: region.unknowns,
      neighbourMasks: region.neighbourMasks
    )
    var output = target
    for channel in 0..<target.channels {
      let solved = solve(region, with: solver, channel: channel, source: source, target: target)
      output.samples.withUnsafeMutableBufferPointer { output in
        for (slot, pixel) in region.pixels.enumerated() {
          output[pixel * target.channels + channel] = solved[slot]
        }
      }
    }
    return output
  }

  /// `blend` on 8-bit images; `nil` in the same cases.
  public func blend(_ source: PixelBuffer, into target: PixelBuffer, mask: Mask) -> PixelBuffer? {
    guard let blended = blend(FloatImage(source), into: FloatImage(target), mask: mask) else { return nil }
    return PixelBuffer(blended)
  }

  /// The solved samples of one channel, in `region.pixels` order.
  private func solve(
    _ region: SolverRegion,
    with solver: PoissonMultigrid,
    channel: Int,
    source: FloatImage,
    target: FloatImage
  ) -> [Float] {
    let width = region.window.width, channels = target.channels
    // The window's samples: the target's where fixed, the unknowns' current values inside.
    var values = [Float](repeating: 0, count: width * region.window.height)
    var guidanceSums = [Float](repeating: 0, count: region.pixels.count)
    var seamDifference = 0.0, seamCount = 0
    source.samples.withUnsafeBufferPointer { source in
      target.samples.withUnsafeBufferPointer { target in
        for local in 0..<values.count {
          values[local] = target[region.imagePixel(local) * channels + channel]
        }
        for (slot, local) in region.unknowns.enumerated() {
          let pixel = region.pixels[slot] * channels + channel
          var sum: Float = 0
          for neighbour in region.neighbours(of: local) {
            let other = region.imagePixel(neighbour) * channels + channel
            let sourceDifference = source[pixel] - source[other]
            if guidance == .mixed {
              let targetDifference = target[pixel] - target[other]
              sum += abs(targetDifference) > abs(sourceDifference) ? targetDifference : sourceDifference
            } else {
              sum += sourceDifference
            }
            if !region.isUnknown[neighbour] {
              seamDifference += Double(target[other] - source[other])
              seamCount += 1
            }
          }
          guidanceSums[slot] = sum
        }
        let offset = seamCount > 0 ? Float(seamDifference / Double(seamCount)) : 0
        for (slot, local) in region.unknowns.enumerated() {
          values[local] = source[region.pixels[slot] * channels + channel] + offset
        }
      }
    }

    solver.solve(&values, guidance: guidanceSums, tolerance: tolerance, maximumCycles: maximumCycles)
    return region.unknowns.map { values[$0] }
  }
}

/// The unknowns of a blend: the mask's pixels at ≥ 0.5, inside a window of their bounding box
/// grown by the one-pixel seam (clipped to the image).
private struct SolverRegion {
  let window: (x: Int, y: Int, width: Int, height: Int)
  let imageWidth: Int
  let imageHeight: Int
  /// Window-local indices of the unknowns, row by row.
  let unknowns: [Int]
  /// Image pixel indices of the unknowns, in the same order.
  let pixels: [Int]
  /// Which of the left, right, up, down neighbours (bits 0…3) lie inside the image.
  let neighbourMasks: [UInt8]
  let isUnknown: [Bool]

  init(mask: Mask, bounds: (minX: Int, minY: Int, maxX: Int, maxY: Int)) {
    let x0 = max(0, bounds.minX - 1), y0 = max(0, bounds.minY - 1)
    let x1 = min(mask.width - 1, bounds.maxX + 1), y1 = min(mask.height - 1, bounds.maxY + 1)
    window = (x0, y0, x1 - x0 + 1, y1 - y0 + 1)
    imageWidth = mask.width
    imageHeight = mask.height
    var unknowns: [Int] = [], pixels: [Int] = [], neighbourMasks: [UInt8] = []
    var isUnknown = [Bool](repeating: false, count: window.width * window.height)
    for y in y0...y1 {
      for x in x0...x1 where mask[x, y] >= 0.5 {
        let local = (y - y0) * window.width + (x - x0)
        unknowns.append(local)
        pixels.append(y * mask.width + x)
        isUnknown[local] = true
        // The window reaches one pixel past the unknowns wherever the image does.
        neighbourMasks.append(
          (x > 0 ? 1 : 0) | (x < mask.width - 1 ? 2 : 0) | (y > 0 ? 4 : 0) | (y < mask.height - 1 ? 8 : 0)
        )
      }
    }
    self.unknowns = unknowns
    self.pixels = pixels
    self.neighbourMasks = neighbourMasks
    self.isUnknown = isUnknown
  }

  func imagePixel(_ local: Int) -> Int {
    (window.y + local / window.width) * imageWidth + window.x + local % window.width
  }

  /// Window-local indices of the in-image neighbours of the unknown at `local`.
  func neighbours(of local: Int) -> [Int] {
    let x = window.x + local % window.width, y = window.y + local / window.width
    var result: [Int] = []
    if x > 0 { result.append(local - 1) }
    if x < imageWidth - 1 { result.append(local + 1) }
    if y > 0 { result.append(local - window.width) }
    if y < imageHeight - 1 { result.append(local + window.width) }
    return result
  }
}
