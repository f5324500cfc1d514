import LoupeMedia

extension ImageClassifier {
  /// The image-to-image vector (`loupe-visual`, 1280-d, unit length): the mean of the image's
  /// and its mirror's pooled features, so that a flipped copy gets the same vector.
  public func visualVector(of image: PixelBuffer) async throws -> [Float] {
    async let plain = classify(image)
    async let mirrored = classify(image.mirrored())
    let (a, b) = try await (plain.features, mirrored.features)
    let sum = zip(a, b).map { $0 + $1 }
    let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return norm > 0 ? sum.map { $0 / norm } : sum
  }
}
