import LoupeMedia

/// The reference face of an identity, warped triangle by triangle so its 106 landmarks land on
/// the template face's: the identity's eyes, nose, mouth and skin texture in the template's pose
/// and outline. Eight anchors on a box around each face (carried by the similarity of the inner
/// landmarks) let the warp cover the surroundings smoothly.
enum IdentityWarp {
  /// Landmarks that define the inner face for the similarity between the two faces.
  static let innerPoints = Array(33...105)

  /// The reference warped into a `width` × `height` canvas where the face's landmarks are
  /// `target`, with the warp's coverage; `nil` for degenerate landmarks.
  static func warp(
    _ reference: AlignedFace,
    onto target: [Point],
    width: Int,
    height: Int
  )
    -> (image: FloatImage, coverage: Mask)?
  {
    guard reference.landmarks.count == 106, target.count == 106,
      let similarity = AffineTransform.similarity(
        from: innerPoints.map { reference.landmarks[$0] },
        to: innerPoints.map { target[$0] }
      )
    else { return nil }
    let anchors = anchorBox(around: reference.landmarks)
    guard
      let warp = PiecewiseAffineWarp(
        from: reference.landmarks + anchors,
        to: target + anchors.map(similarity.apply(to:))
      )
    else { return nil }
    return warp.warp(FloatImage(reference.image), width: width, height: height)
  }

  /// Where the fused face's landmarks go: the template's, with the eyes, brows, nose and mouth
  /// moved `featureShift` of the way to where the person's own would sit on this face (their
  /// landmarks brought onto the template by the inner similarity), and the outline moved
  /// `contourShift` of the way (`face_shape_match`). A face's proportions carry much of who it
  /// is, so the identity keeps some of its own.
  static func targetLandmarks(
    template: [Point],
    identity: [Point],
    featureShift: Float,
    contourShift: Float
  ) -> [Point] {
    guard
      let similarity = AffineTransform.similarity(
        from: innerPoints.map { identity[$0] },
        to: innerPoints.map { template[$0] }
      )
    else { return template }
    var target = template
    for index in template.indices {
      let shift = FaceRegions.contour.contains(index) ? contourShift : featureShift
      guard shift > 0 else { continue }
      let own = similarity.apply(to: identity[index])
      target[index] = Point(
        x: template[index].x + shift * (own.x - template[index].x),
        y: template[index].y + shift * (own.y - template[index].y)
      )
    }
    return target
  }

  /// Corners and edge midpoints of the points' bounding box enlarged by half on every side.
  static func anchorBox(around points: [Point]) -> [Point] {
    let xs = points.map(\.x), ys = points.map(\.y)
    let minX = xs.min() ?? 0, maxX = xs.max() ?? 0, minY = ys.min() ?? 0, maxY = ys.max() ?? 0
    let marginX = (maxX - minX) / 2, marginY = (maxY - minY) / 2
    let left = minX - marginX, right = maxX + marginX, top = minY - marginY, bottom = maxY + marginY
    let midX = (left + right) / 2, midY = (top + bottom) / 2
    return [
      Point(x: left, y: top), Point(x: midX, y: top), Point(x: right, y: top), Point(x: right, y: midY),
      Point(x: right, y: bottom), Point(x: midX, y: bottom), Point(x: left, y: bottom), Point(x: left, y: midY),
    ]
  }
}
