import LoupeMedia

/// Turns a detected face into an identity vector; faces of one person have a high cosine.
public protocol FaceEmbedder: Sendable {
  var dimension: Int { get }
  func embedding(of face: DetectedFace, in image: PixelBuffer) async throws -> [Float]
}

extension Array where Element == Float {
  /// Cosine similarity; both vectors are expected L2-normalised, as embedders return them.
  public func cosine(with other: [Float]) -> Float {
    precondition(count == other.count, "vectors differ in length")
    var dot: Float = 0
    for index in indices { dot += self[index] * other[index] }
    return dot
  }

  /// This vector scaled to unit length (unchanged when it is zero).
  public var normalized: [Float] {
    let norm = reduce(0) { $0 + $1 * $1 }.squareRoot()
    return norm > 0 ? map { $0 / norm } : self
  }
}
