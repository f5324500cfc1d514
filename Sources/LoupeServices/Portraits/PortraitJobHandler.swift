import Foundation
import LoupeAnalysis
import LoupeJobs
import LoupeMedia
import LoupeStore

/// Runs `AIGCImageTrain` jobs: download and check the photos, build the identity model from the
/// ones that pass, store it under the job's `model_id`. The job's `Result` is PAI's
/// `{cost_time, states, model_id}`.
struct PortraitJobHandler: JobHandler {
  let service: any PortraitService
  let store: PortraitModelStore
  let loader: MediaLoader
  let decoder: ImageDecoder

  func run(_ job: Job, context: JobContext) async throws -> String {
    let started = ContinuousClock.now
    let request: PortraitTrainingRequest
    do {
      request = try JSONDecoder().decode(PortraitTrainingRequest.self, from: Data(job.request.utf8))
    } catch {
      throw JobError.permanent("Invalid input data")
    }
    let photos: [TrainingPhoto]
    do {
      try await context.step("image downloading")
      let images = await PortraitInputs.load(request.images, appID: job.appID, loader: loader, decoder: decoder)
      try await context.step("checking")
      let checks = try await service.check(images)
      photos = zip(zip(request.images, images), checks).map {
        TrainingPhoto(url: $0.0.0, image: $0.0.1, check: $0.1)
      }
      try await context.step("training")
      let model = try await service.train(photos)
      try await store.complete(id: request.modelID, files: try model.files())
    } catch {
      // Nothing here is worth retrying: a photo that cannot be fetched is a failed check.
      if JobFailure.isInterruption(error) { throw error }
      try? await store.fail(id: request.modelID)
      throw JobFailure.classify(error, retrying: false)
    }
    let result = PortraitTrainResult(
      costTime: (ContinuousClock.now - started).seconds,
      states: photos.map(PortraitCheckResult.init),
      modelID: request.modelID
    )
    return try WireJSON.string(result)
  }
}
