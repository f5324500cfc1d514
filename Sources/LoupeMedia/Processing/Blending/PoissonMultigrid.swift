/// A geometric multigrid solver for the masked 5-point Poisson equation
/// `n_p·u_p − Σ_{q ∈ N(p)} u_q = g_p` over the unknown cells of a grid, where the other cells
/// hold fixed (Dirichlet) values and `N(p)` leaves out neighbours beyond the image.
///
/// V(2, 2) cycles: lexicographic Gauss–Seidel smoothing, residuals summed over 2 × 2 blocks
/// onto a cell-centred grid of half the size (a coarse cell is unknown when any of its children
/// is, and the error is 0 on every other coarse cell), bilinear prolongation (weights 9, 3, 3, 1
/// sixteenths) scaled by the step that minimises the error's energy norm, down to a grid of at
/// most 3 cells a side, which Gauss–Seidel solves outright.
/// Each cycle cuts the error by about an order of magnitude whatever the region's size, where
/// plain over-relaxation needs a number of sweeps that grows with it.
struct PoissonMultigrid {
  /// One coarse grid: its interior plus a one-cell margin of zeros, so stencils need no checks.
  private struct Grid {
    let width: Int
    let height: Int
    var stride: Int { width + 2 }
    var count: Int { stride * (height + 2) }
    /// Storage indices of the unknown cells, row by row.
    var unknowns: [Int] = []
  }

  /// For each unknown of one level: the storage indices, in the next coarser grid, of its parent
  /// and of the three other coarse cells nearest to it (horizontal, vertical, diagonal).
  private struct Links {
    var parent: [Int] = []
    var horizontal: [Int] = []
    var vertical: [Int] = []
    var diagonal: [Int] = []
  }

  private let fineWidth: Int
  private let fineUnknowns: [Int]
  private let neighbourMasks: [UInt8]
  private var grids: [Grid] = []
  /// `links[0]` joins the fine level to `grids[0]`, `links[k]` joins `grids[k − 1]` to `grids[k]`.
  private var links: [Links] = []

  static let coarsestSide = 3
  static let smoothingSweeps = 2

  /// `unknowns`: row-major indices into a `width`-wide grid; `neighbourMasks`: which of the left,
  /// right, upper and lower neighbours (bits 0…3) each one has.
  init(width: Int, height: Int, unknowns: [Int], neighbourMasks: [UInt8]) {
    fineWidth = width
    fineUnknowns = unknowns
    self.neighbourMasks = neighbourMasks
    var coordinates = unknowns.map { (x: $0 % width, y: $0 / width) }
    var levelWidth = width, levelHeight = height
    while max(levelWidth, levelHeight) > Self.coarsestSide {
      var grid = Grid(width: (levelWidth + 1) / 2, height: (levelHeight + 1) / 2)
      var isUnknown = [Bool](repeating: false, count: grid.count)
      var link = Links()
      func storage(_ x: Int, _ y: Int) -> Int { (y + 1) * grid.stride + x + 1 }
      for (x, y) in coordinates {
        let parentX = x / 2, parentY = y / 2
        // The nearest coarse centres lie towards the side of the parent this child is on.
        let otherX = x % 2 == 1 ? parentX + 1 : parentX - 1, otherY = y % 2 == 1 ? parentY + 1 : parentY - 1
        link.parent.append(storage(parentX, parentY))
        link.horizontal.append(storage(otherX, parentY))
        link.vertical.append(storage(parentX, otherY))
        link.diagonal.append(storage(otherX, otherY))
        isUnknown[storage(parentX, parentY)] = true
      }
      grid.unknowns = isUnknown.indices.filter { isUnknown[$0] }
      coordinates = grid.unknowns.map { (x: $0 % grid.stride - 1, y: $0 / grid.stride - 1) }
      grids.append(grid)
      links.append(link)
      (levelWidth, levelHeight) = (grid.width, grid.height)
    }
  }

  /// Improves `values` (fine grid, fixed cells included) in place until a cycle changes no
  /// unknown by more than `tolerance` or after `maximumCycles`.
  func solve(_ values: inout [Float], guidance: [Float], tolerance: Float, maximumCycles: Int) {
    var work = Workspace(
      errors: grids.map { [Float](repeating: 0, count: $0.count) },
      residuals: grids.map { [Float](repeating: 0, count: $0.count) },
      corrections: grids.map { [Float](repeating: 0, count: $0.count) },
      fineResidual: [Float](repeating: 0, count: fineUnknowns.count),
      fineCorrection: [Float](repeating: 0, count: values.count)
    )
    for _ in 0..<maximumCycles {
      let before = fineUnknowns.map { values[$0] }
      smoothFine(&values, guidance: guidance, sweeps: Self.smoothingSweeps)
      if !grids.isEmpty {
        restrictFineResidual(values, guidance: guidance, work: &work)
        coarseCycle(level: 0, work: &work)
        correctFine(&values, work: &work)
      }
      smoothFine(&values, guidance: guidance, sweeps: Self.smoothingSweeps)
      var largestChange: Float = 0
      for (slot, index) in fineUnknowns.enumerated() {
        largestChange = max(largestChange, abs(values[index] - before[slot]))
      }
      if largestChange < tolerance { break }
    }
  }

  private struct Workspace {
    var errors: [[Float]]
    var residuals: [[Float]]
    var corrections: [[Float]]
    var fineResidual: [Float]
    var fineCorrection: [Float]
  }

  /// Solves the error equation of `grids[level]` approximately by one V-cycle, from zero.
  private func coarseCycle(level: Int, work: inout Workspace) {
    let grid = grids[level], stride = grid.stride
    for index in grid.unknowns { work.errors[level][index] = 0 }
    guard level + 1 < grids.count else {
      smoothCoarse(grid, &work.errors[level], rightSide: work.residuals[level], sweeps: 30)
      return
    }
    smoothCoarse(grid, &work.errors[level], rightSide: work.residuals[level], sweeps: Self.smoothingSweeps)
    let coarser = grids[level + 1], link = links[level + 1]
    for index in coarser.unknowns { work.residuals[level + 1][index] = 0 }
    // This level's residual goes to `corrections` for the step length below, and summed to the next.
    let error = work.errors[level]
    for index in grid.unknowns {
      let neighbours = error[index - 1] + error[index + 1] + error[index - stride] + error[index + stride]
      work.corrections[level][index] = work.residuals[level][index] - (4 * error[index] - neighbours)
    }
    for (slot, index) in grid.unknowns.enumerated() {
      work.residuals[level + 1][link.parent[slot]] += work.corrections[level][index]
    }
    coarseCycle(level: level + 1, work: &work)

    var numerator: Float = 0, denominator: Float = 0
    let residual = grid.unknowns.map { work.corrections[level][$0] }
    let coarseError = work.errors[level + 1]
    for (slot, index) in grid.unknowns.enumerated() {
      work.corrections[level][index] = Self.interpolate(coarseError, link, slot)
    }
    work.corrections[level].withUnsafeBufferPointer { correction in
      for (slot, index) in grid.unknowns.enumerated() {
        let neighbours =
          correction[index - 1] + correction[index + 1] + correction[index - stride] + correction[index + stride]
        numerator += residual[slot] * correction[index]
        denominator += correction[index] * (4 * correction[index] - neighbours)
      }
    }
    let step = Self.stepLength(numerator, denominator)
    for index in grid.unknowns { work.errors[level][index] += step * work.corrections[level][index] }
    smoothCoarse(grid, &work.errors[level], rightSide: work.residuals[level], sweeps: Self.smoothingSweeps)
  }

  /// The multiple of the coarse correction that most lowers the error's energy norm: the
  /// coarse grid only approximates an irregular region's edge, so its correction can overshoot
  /// there, and taken whole it can make the cycles diverge.
  private static func stepLength(_ numerator: Float, _ denominator: Float) -> Float {
    denominator > 0 ? numerator / denominator : 0
  }

  /// Bilinear interpolation of the coarse `error` at the unknown `slot` of the finer level.
  private static func interpolate(_ error: [Float], _ link: Links, _ slot: Int) -> Float {
    0.5625 * error[link.parent[slot]] + 0.1875 * (error[link.horizontal[slot]] + error[link.vertical[slot]])
      + 0.0625 * error[link.diagonal[slot]]
  }

  private func smoothCoarse(_ grid: Grid, _ error: inout [Float], rightSide: [Float], sweeps: Int) {
    let stride = grid.stride
    error.withUnsafeMutableBufferPointer { error in
      rightSide.withUnsafeBufferPointer { rightSide in
        grid.unknowns.withUnsafeBufferPointer { unknowns in
          for _ in 0..<sweeps {
            for index in unknowns {
              let neighbours = error[index - 1] + error[index + 1] + error[index - stride] + error[index + stride]
              error[index] = (rightSide[index] + neighbours) * 0.25
            }
          }
        }
      }
    }
  }

  private func smoothFine(_ values: inout [Float], guidance: [Float], sweeps: Int) {
    let width = fineWidth
    values.withUnsafeMutableBufferPointer { values in
      guidance.withUnsafeBufferPointer { guidance in
        fineUnknowns.withUnsafeBufferPointer { unknowns in
          neighbourMasks.withUnsafeBufferPointer { masks in
            for _ in 0..<sweeps {
              for slot in 0..<unknowns.count {
                let index = unknowns[slot], present = masks[slot]
                if present == 0b1111 {
                  let neighbours = values[index - 1] + values[index + 1] + values[index - width] + values[index + width]
                  values[index] = (guidance[slot] + neighbours) * 0.25
                } else {
                  let (neighbours, count) = Self.partialSum(values, index, width, present)
                  if count > 0 { values[index] = (guidance[slot] + neighbours) / count }
                }
              }
            }
          }
        }
      }
    }
  }

  private func restrictFineResidual(_ values: [Float], guidance: [Float], work: inout Workspace) {
    let width = fineWidth, link = links[0]
    for index in grids[0].unknowns { work.residuals[0][index] = 0 }
    values.withUnsafeBufferPointer { values in
      for (slot, index) in fineUnknowns.enumerated() {
        let (neighbours, count) = Self.partialSum(values, index, width, neighbourMasks[slot])
        let residual = guidance[slot] - (count * values[index] - neighbours)
        work.fineResidual[slot] = residual
        work.residuals[0][link.parent[slot]] += residual
      }
    }
  }

  /// Adds the interpolated coarse error to the fine values, scaled by `stepLength`.
  private func correctFine(_ values: inout [Float], work: inout Workspace) {
    let width = fineWidth, link = links[0], coarseError = work.errors[0]
    for (slot, index) in fineUnknowns.enumerated() {
      work.fineCorrection[index] = Self.interpolate(coarseError, link, slot)
    }
    var numerator: Float = 0, denominator: Float = 0
    work.fineCorrection.withUnsafeBufferPointer { correction in
      for (slot, index) in fineUnknowns.enumerated() {
        let (neighbours, count) = Self.partialSum(correction, index, width, neighbourMasks[slot])
        numerator += work.fineResidual[slot] * correction[index]
        denominator += correction[index] * (count * correction[index] - neighbours)
      }
    }
    let step = Self.stepLength(numerator, denominator)
    for index in fineUnknowns { values[index] += step * work.fineCorrection[index] }
  }

  private static func partialSum(
    _ values: UnsafeBufferPointer<Float>,
    _ index: Int,
    _ width: Int,
    _ present: UInt8
  ) -> (sum: Float, count: Float) {
    var sum: Float = 0, count: Float = 0
    if present & 1 != 0 { sum += values[index - 1]; count += 1 }
    if present & 2 != 0 { sum += values[index + 1]; count += 1 }
    if present & 4 != 0 { sum += values[index - width]; count += 1 }
    if present & 8 != 0 { sum += values[index + width]; count += 1 }
    return (sum, count)
  }

  private static func partialSum(
    _ values: UnsafeMutableBufferPointer<Float>,
    _ index: Int,
    _ width: Int,
    _ present: UInt8
  ) -> (sum: Float, count: Float) {
    partialSum(UnsafeBufferPointer(values), index, width, present)
  }
}
