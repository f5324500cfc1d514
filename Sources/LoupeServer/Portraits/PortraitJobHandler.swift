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
    let checks: [PortraitPhotoCheck]
    let model: IdentityModel
    do {
      try await context.step("image downloading")
      let photos = await PortraitInputs.load(request.images, appID: job.appID, loader: loader, decoder: decoder)
      try await context.step("checking")
      checks = try await service.check(photos)
      try await context.step("training")
      model = try await service.train(photos: photos, checks: checks, urls: request.images)
      try await store.complete(id: request.modelID, files: try model.files())
    } catch is CancellationError {
      throw CancellationError()
    } catch let error as JobLeaseLost {
      throw error
    } catch {
      // Nothing here is worth retrying: a photo that cannot be fetched is a failed check.
      try? await store.fail(id: request.modelID)
      throw JobError.permanent((error as? PortraitError)?.description ?? "Image process error: \(error)")
    }
    let result = PortraitTrainResult(
      costTime: (ContinuousClock.now - started).seconds,
      states: zip(checks, request.images).map {
        PortraitCheckPayload($0.0, url: $0.1)
      },
      modelID: request.modelID)
    return try JobJSON.string(result)
  }
}
