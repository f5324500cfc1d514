import LoupeMedia

extension ImageClassifier {
  /// The image-to-image vector (`loupe-visual`, 1280-d, unit length): the mean of the image's
  /// and its mirror's pooled features, so that a flipped copy gets the same vector.
  public func visualVector(of image: PixelBuffer) async throws -> [Float] {
    async let plain = classify(image)
    async let mirrored = classify(image.mirrored())
    return try await Self.visualVector(plain: plain, mirrored: mirrored)
  }

  /// The visual vector from the image's classification and its mirror's: for callers that
  /// classify the image anyway (the library ingest tags every keyframe), which saves a run.
  public static func visualVector(plain: Classification, mirrored: Classification) -> [Float] {
    let sum = zip(plain.features, mirrored.features).map { $0 + $1 }
    let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return norm > 0 ? sum.map { $0 / norm } : sum
  }
}
