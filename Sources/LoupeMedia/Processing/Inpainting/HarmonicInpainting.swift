/// The smoothest fill of a hole: the solution of Laplace's equation inside it with the image's
/// values all around (a membrane stretched over the hole's edge). This is what diffusion-based
/// inpainting (Bertalmio et al.'s Navier–Stokes method among them) converges to where no edge
/// crosses the hole, solved directly by `SeamlessBlending`'s multigrid with a flat guidance.
public struct HarmonicInpainting: Sendable, Equatable {
  /// Stop when a multigrid cycle moves no sample by more than this (0…255 scale)…
  public var tolerance: Float
  /// …or after this many cycles.
  public var maximumCycles: Int

  /// The defaults settle well below one 8-bit level.
  public init(tolerance: Float = 0.25, maximumCycles: Int = 50) {
    self.tolerance = tolerance
    self.maximumCycles = maximumCycles
  }

  /// `image` with every pixel where `hole` ≥ 0.5 filled; every other sample is `image`'s,
  /// unchanged. `nil` when the sizes differ.
  public func inpaint(_ image: FloatImage, hole: Mask) -> FloatImage? {
    let flat = FloatImage(width: image.width, height: image.height, channels: image.channels)
    return SeamlessBlending(guidance: .source, tolerance: tolerance, maximumCycles: maximumCycles).blend(
      flat,
      into: image,
      mask: hole
    )
  }
}
