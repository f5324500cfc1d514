import LoupeMedia
import LoupeRuntime
import LoupeVision

/// PAI's `body_reshaping`: every person in the photo made slimmer (degree > 0) or fuller
/// (degree < 0) by a smooth warp around their body's axis (`BodyFrame`), driven by the pose
/// and the person mask. Strength is `strengthPerDegree` × degree: 1 draws the body in by 5% of
/// its half-width, and the accepted range ±`degreeLimit` keeps the warp free of folds.
public struct BodyReshaper: Sendable {
  public static let degreeLimit: Double = 3
  static let strengthPerDegree: Float = 0.05

  let estimator: PoseEstimator

  public init(estimator: PoseEstimator) {
    self.estimator = estimator
  }

  public static func live(dependencies: DependenciesDirectory, options: InferenceOptions) throws -> BodyReshaper {
    BodyReshaper(estimator: try PoseEstimator.live(dependencies: dependencies, options: options))
  }

  /// The reshaped photo, the same size as `image`. Throws `AnalysisError.invalidInput` when no
  /// person is found (PAI answers 462 then).
  public func reshape(_ image: PixelBuffer, degree: Double) async throws -> PixelBuffer {
    let field = try await self.field(for: image, degree: degree)
    return await offCooperativePool { field.apply(to: image) }
  }

  /// The warp `reshape` applies: everyone's pose found in `image`, strength from `degree`.
  public func field(for image: PixelBuffer, degree: Double) async throws -> ReshapeField {
    let poses: [BodyPose]
    do {
      poses = try await estimator.poses(in: image)
    } catch {
      throw AnalysisError.fault(in: "pose models failed", error)
    }
    guard let field = ReshapeField(poses: poses, strength: Self.strength(degree: degree)) else {
      throw AnalysisError.invalidInput("no person in image")
    }
    return field
  }

  /// `degree`, clamped to ±`degreeLimit`, times `strengthPerDegree`.
  public static func strength(degree: Double) -> Float {
    Float(min(max(degree, -degreeLimit), degreeLimit)) * strengthPerDegree
  }
}
