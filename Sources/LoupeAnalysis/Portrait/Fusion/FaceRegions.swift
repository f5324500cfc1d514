import LoupeMedia

/// Regions of a face from its 106 landmarks (InsightFace 2d106det layout: 0–32 the contour,
/// 33–42 and 87–96 the eyes, 43–51 and 97–105 the brows, 52–71 the mouth, 72–86 the nose), as
/// masks of a given size. Sizes in pixels scale with the face: `faceSize` is the larger side of
/// the landmarks' bounding box.
struct FaceRegions {
  static let contour = Array(0...32)
  static let brows = Array(43...51) + Array(97...105)
  static let eyes = [Array(33...42), Array(87...96)]
  static let mouth = Array(52...71)
  /// Eyes, brows, nose and mouth: what makes a face recognisable.
  static let features = Array(33...105)

  let landmarks: [Point]
  let width: Int
  let height: Int

  var faceSize: Float {
    let xs = landmarks.map(\.x), ys = landmarks.map(\.y)
    return max((xs.max() ?? 0) - (xs.min() ?? 0), (ys.max() ?? 0) - (ys.min() ?? 0))
  }

  /// The face inside its contour and up to the brows, eroded by 1.5% of the face and feathered
  /// over 4%, so the blend fades out within the face's own outline.
  var face: Mask {
    hull(Self.contour + Self.brows).eroded(radius: scaled(0.015)).feathered(radius: Float(scaled(0.04)))
  }

  /// Eyes, brows, nose and mouth, widened by 4% of the face and feathered over 5%.
  var features: Mask {
    hull(Self.features).dilated(radius: scaled(0.04)).feathered(radius: Float(scaled(0.05)))
  }

  /// The face without eyes, brows and lips: where skin is smoothed.
  var skin: Mask {
    let holes = Mask(
      polygons: (Self.eyes + [Self.mouth]).map { Polygon.convexHull(of: $0.map { landmarks[$0] }) }
        + [
          Polygon.convexHull(of: Array(43...51).map { landmarks[$0] }),
          Polygon.convexHull(of: Array(97...105).map { landmarks[$0] }),
        ],
      width: width,
      height: height
    ).dilated(radius: scaled(0.03)).feathered(radius: Float(scaled(0.02)))
    return face.intersection(holes.inverted()) ?? face
  }

  /// The lips, feathered a little.
  var lips: Mask {
    hull(Self.mouth).feathered(radius: Float(scaled(0.015)))
  }

  /// The eyelids and the skin up to the brows, where eye make-up sits.
  var eyeShadow: Mask {
    let regions = [(Array(33...42), Array(43...51)), (Array(87...96), Array(97...105))].map { eye, brow in
      Polygon.convexHull(of: (eye + brow).map { landmarks[$0] })
    }
    let eyes = Mask(
      polygons: Self.eyes.map { Polygon.convexHull(of: $0.map { landmarks[$0] }) },
      width: width,
      height: height
    )
    let shadow = Mask(polygons: regions, width: width, height: height)
    return (shadow.intersection(eyes.dilated(radius: scaled(0.01)).inverted()) ?? shadow)
      .feathered(radius: Float(scaled(0.015)))
  }

  private func hull(_ indices: [Int]) -> Mask {
    Mask(polygon: Polygon.convexHull(of: indices.map { landmarks[$0] }), width: width, height: height)
  }

  private func scaled(_ fraction: Float) -> Int {
    max(1, Int((faceSize * fraction).rounded()))
  }
}
