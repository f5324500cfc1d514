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

  /// `photos[i]` is the decoded photo of `checks[i]` (`nil` when it could not be read).
  public func train(photos: [PixelBuffer?], checks: [PortraitPhotoCheck], urls: [String]) async throws
    -> IdentityModel
  {
    precondition(photos.count == checks.count && urls.count == checks.count, "one check and URL per photo")
    let passing = checks.indices.filter { checks[$0].code == .success }
    let embeddings = passing.compactMap { checks[$0].embedding }
    guard !passing.isEmpty,
      let mean = ConceptEmbedding.combine(embeddings.map { (weight: 1, vector: $0) })
    else { throw PortraitError.noUsablePhoto }

    var faces: [AlignedFace] = []
    var scores: [Double] = []
    for index in passing {
      guard let photo = photos[index], let face = checks[index].face, let embedding = checks[index].embedding else {
        continue
      }
      let landmarks: [Point]
      do {
        landmarks = try await landmarker.landmarks(in: face.box, of: photo)
      } catch {
        throw AnalysisError.modelFailure("106-point landmarks failed: \(error)")
      }
      guard let aligned = AlignedFace.align(face, landmarks: landmarks, in: photo) else { continue }
      faces.append(aligned)
      let typicality = Double(max(0, embedding.cosine(with: mean)))
      scores.append((checks[index].pose?.frontality ?? 0) * typicality)
    }
    guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }) else { throw PortraitError.noUsablePhoto }
    return IdentityModel(
      meanEmbedding: mean, faces: faces, referenceIndex: best,
      photos: zip(urls, checks).map { IdentityModel.PhotoState(url: $0.0, code: $0.1.code, frontal: $0.1.frontal) })
  }
}
