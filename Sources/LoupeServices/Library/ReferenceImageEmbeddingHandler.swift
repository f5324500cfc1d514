import Foundation
import LoupeJobs
import LoupeMedia
import LoupeStore

/// Embeds a registered reference image (a `LibraryReferenceImage` job whose object is the image
/// id): decoded shrunk to the models' working size, then its visual and semantic vectors. An
/// image that cannot be decoded is marked `failed`; it never blocks the queue.
struct ReferenceImageEmbeddingHandler: JobHandler {
  static let jobKind = "LibraryReferenceImage"

  let repository: LibraryMediaRepository
  let files: LibraryFiles
  let analysis: any ClipAnalysisService
  let decoder: ImageDecoder

  func run(_ job: Job, context: JobContext) async throws -> String {
    guard let image = try await repository.referenceImage(id: job.object) else { return "{}" }
    do {
      let file = files.object(image.objectKey)
      let decoder = decoder
      let pixels = try await offCooperativePool {
        try decoder.decode(contentsOf: file, workingPixels: 720 * 720).pixels
      }
      let result = try await analysis.analyze(keyframe: pixels)
      try await repository.setEmbedding(
        visual: result.visual,
        semantic: result.semantic,
        faces: result.faces,
        drawnFaces: result.drawnFaces,
        ofReferenceImage: image.id
      )
      // A character may already show this image: its matches follow.
      try await ProjectSignals(repository: repository).refreshCharacters(projectID: image.projectID)
      return "{}"
    } catch {
      if JobFailure.isInterruption(error) { throw error }
      try? await repository.setEmbedding(visual: nil, semantic: nil, ofReferenceImage: image.id)
      throw JobError.permanent("the reference image could not be embedded")
    }
  }
}
