/// How `TextDetector` sizes its input and turns the probability map into lines. The defaults are
/// PaddleOCR's DB post-processing (rapidocr 3.10's configuration) with the longest side capped,
/// which keeps a full-HD page near 0.2 s on two cores.
public struct TextDetectorOptions: Sendable, Equatable {
  /// How the image is scaled before detection; both sides are then rounded to multiples of 32.
  public enum SideLimit: Sendable, Equatable {
    /// Shrink so the longest side is at most this (never enlarge): bounded cost.
    case longestAtMost(Int)
    /// Enlarge so the shortest side is at least this (rapidocr's `limit_type: min`).
    case shortestAtLeast(Int)
  }

  public var sideLimit: SideLimit
  /// Pixels of the probability map above this are text.
  public var binarizeThreshold: Float
  /// Lines whose mean probability is below this are dropped.
  public var boxThreshold: Float
  /// Each rectangle grows by `area × unclipRatio / perimeter` on every side: DB predicts a
  /// shrunken core of each line.
  public var unclipRatio: Float
  /// At most this many connected regions are considered (largest image first, as found).
  public var maxCandidates: Int
  /// The largest input side accepted after scaling, a bound on memory for `shortestAtLeast`.
  public var maxScaledSide: Int

  public init(
    sideLimit: SideLimit = .longestAtMost(960),
    binarizeThreshold: Float = 0.3,
    boxThreshold: Float = 0.5,
    unclipRatio: Float = 1.6,
    maxCandidates: Int = 1000,
    maxScaledSide: Int = 4096
  ) {
    self.sideLimit = sideLimit
    self.binarizeThreshold = binarizeThreshold
    self.boxThreshold = boxThreshold
    self.unclipRatio = unclipRatio
    self.maxCandidates = maxCandidates
    self.maxScaledSide = maxScaledSide
  }
}
