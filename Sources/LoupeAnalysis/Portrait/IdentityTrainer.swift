import LoupeMedia
import LoupeRuntime
import LoupeVision

/// PAI's `AIGCImageTrain` without a diffusion model: the identity model of one person from the
/// photos that passed the check. The reference face maximises `frontality × cosine to the mean`.
public struct IdentityTrainer: Sendable {
  public let landmarker: FaceLandmarker106

  public init(landmarker: FaceLandmarker106) {
    self.landmarker = landmarker
  }

  public static func live(dependencies: DependenciesDirectory, options: InferenceOptions) throws -> IdentityTrainer {
    IdentityTrainer(landmarker: try FaceLandmarker106.live(dependencies: dependencies, options: options))
  }

  /// The identity of the person in the photos that passed their check.
  public func train(_ photos: [TrainingPhoto]) async throws -> IdentityModel {
    let passing = photos.filter { $0.check.code == .success }
    let embeddings = passing.compactMap(\.check.embedding)
    guard !passing.isEmpty,
      let mean = ConceptEmbedding.combine(embeddings.map { (weight: 1, vector: $0) })
    else { throw PortraitError.noUsablePhoto }

    var faces: [AlignedFace] = []
    var scores: [Double] = []
    for candidate in passing {
      guard let photo = candidate.image, let face = candidate.check.face, let embedding = candidate.check.embedding
      else { continue }
      let landmarks: [Point]
      do {
        landmarks = try await landmarker.landmarks(in: face.box, of: photo)
      } catch {
        throw AnalysisError.fault(in: "106-point landmarks failed", error)
      }
      guard let aligned = AlignedFace.align(face, landmarks: landmarks, in: photo) else { continue }
      faces.append(aligned)
      let typicality = Double(max(0, embedding.cosine(with: mean)))
      scores.append((candidate.check.pose?.frontality ?? 0) * typicality)
    }
    guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }) else { throw PortraitError.noUsablePhoto }
    return IdentityModel(
      meanEmbedding: mean,
      faces: faces,
      referenceIndex: best,
      photos: photos.map { IdentityModel.PhotoState(url: $0.url, code: $0.check.code, frontal: $0.check.frontal) }
    )
  }
}
