import Foundation

/// A keyframe's or a character's face vectors as the matcher reads them: photographed faces'
/// 512-d ArcFace vectors and drawn faces' 1280-d visual vectors.
public struct FaceVectors: Sendable, Equatable {
  public static let photographedDimension = 512
  public static let drawnDimension = 1280

  public var photographed: [[Float]]
  public var drawn: [[Float]]

  public init(photographed: [[Float]] = [], drawn: [[Float]] = []) {
    self.photographed = photographed
    self.drawn = drawn
  }

  /// The vectors stored one after another in `blob`, `dimension` floats each.
  static func split(_ blob: Data?, dimension: Int) -> [[Float]] {
    guard let blob else { return [] }
    let flat = VectorBlob.vector(blob)
    return stride(from: 0, to: flat.count, by: dimension).map { Array(flat[$0..<min(flat.count, $0 + dimension)]) }
  }

  static func blob(_ vectors: [[Float]]) -> Data? {
    vectors.isEmpty ? nil : VectorBlob.data(vectors.flatMap { $0 })
  }
}
