import LoupeMedia
import LoupeRuntime
import LoupeVision

/// PAI's `watermark_remover`: text watermarks found by the PP-OCR text detector, each line
/// confirmed and outlined stroke by stroke by `OverlayAnalysis` (white or black laid over the
/// photo at a constant opacity), the copies of a tiled pattern the detector missed found from
/// the ones it read (`TiledPattern`), the shape of a logo beside a wordmark (`EmblemSearch`),
/// then filled by `WatermarkFill.harmonic` (`fill`). An image
/// with no mark found comes back unchanged, and no pixel outside the marks' mask ever changes.
/// docs/models.md ("Watermark removal") lists what is and is not found, with measurements.
public struct WatermarkRemover: Sendable {
  /// For `WatermarkFill.restoringTelea` and `.restoringHarmonic`: marks more opaque than this are
  /// inpainted rather than restored (the best of 0.5, 0.75 and 0.9 on the tuning set).
  public static let restorableOpacity: Float = 0.5
  /// Pixels around every stroke that are inpainted: the glyphs' anti-aliased edges.
  public static let fringe = 1
  /// The fill the service runs, chosen on the tuning set.
  public static let fill = WatermarkFill.harmonic

  let detector: TextDetector

  public init(detector: TextDetector) {
    self.detector = detector
  }

  public static func live(dependencies: DependenciesDirectory, options: InferenceOptions) throws -> WatermarkRemover {
    WatermarkRemover(detector: try TextDetector.live(dependencies: dependencies, inference: options))
  }

  /// The photo without its watermarks, the same size as `image`.
  public func remove(from image: PixelBuffer, fill: WatermarkFill = fill) async throws -> PixelBuffer {
    let mask = try await detect(in: image)
    guard !mask.isEmpty else { return image }
    return await offCooperativePool { fill.apply(mask, to: image) }
  }

  /// Where the watermarks of `image` are.
  public func detect(
    in image: PixelBuffer,
    restorableOpacity: Float = restorableOpacity,
    fringe: Int = fringe
  ) async throws -> WatermarkMask {
    let regions: [TextRegion]
    do {
      regions = try await detector.detect(in: image)
    } catch {
      throw AnalysisError.fault(in: "text detector failed", error)
    }
    return await offCooperativePool {
      let float = FloatImage(image)
      let read = regions.compactMap { OverlayAnalysis.mark(in: float, region: $0) }
      var marks = read + TiledPattern.missedCopies(of: read, in: float)
      if marks.count <= EmblemSearch.maximumMarks {
        marks += marks.compactMap { EmblemSearch.emblem(beside: $0, in: float) }
      }
      return WatermarkMask(
        width: image.width,
        height: image.height,
        marks: marks,
        restorableOpacity: restorableOpacity,
        fringe: fringe
      )
    }
  }
}
