import Foundation
import Hummingbird
import LoupeServices

/// PAI's AI-portrait API: `POST /api/v1/aigc_images/check` (sync), `…/train` (an `Image` job
/// that builds an identity model under a new `model_id`) and `…/create` (sync, one or several
/// identities into a template photo).
struct PortraitRoutes {
  let portraits: PortraitActions
  let maxJSONDepth: Int

  struct PhotosRequest: Decodable {
    var action: String
    var images: JSONValue?
    var modelName: String?
    var configure: JSONValue?

    enum CodingKeys: String, CodingKey {
      case action, images, configure
      case modelName = "model_name"
    }
  }

  struct CreateRequest: Decodable {
    var action: String
    var modelID: String?
    var modelIDs: [String]?
    var templateImage: String?
    var modelName: String?
    var configure: JSONValue?

    enum CodingKeys: String, CodingKey {
      case action, configure
      case modelID = "model_id"
      case modelIDs = "model_ids"
      case templateImage = "template_image"
      case modelName = "model_name"
    }
  }

  /// The synchronous actions on `group`, training, which queues a job, on `jobs`: the two are
  /// charged to the quota differently (`DailyQuota`).
  func add(to group: RouterGroup<AppRequestContext>, jobs: RouterGroup<AppRequestContext>) {
    group.post("aigc_images/check") { _, context in
      let request = try JSONBody.decode(PhotosRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      try PortraitActions.requireModel(action: request.action, expected: "AIGCImageCheck", modelName: request.modelName)
      let outcome = try await portraits.check(images: request.images, appID: context.app.id)
      return try EnvelopeResponse.success(
        PortraitCheckResponse(
          checkResults: outcome.results,
          costTime: outcome.costTime,
          images: outcome.urls,
          requestID: context.requestID
        ),
        requestID: context.requestID
      )
    }
    jobs.post("aigc_images/train") { _, context in
      let request = try JSONBody.decode(PhotosRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      try PortraitActions.requireModel(
        action: request.action,
        expected: PortraitActions.trainAction,
        modelName: request.modelName
      )
      let training = try await portraits.train(images: request.images, appID: context.app.id)
      context.logger.info(
        "portrait training queued",
        metadata: ["job_id": "\(training.jobID)", "model_id": "\(training.modelID)"]
      )
      return try EnvelopeResponse.success(
        PortraitTrainResponse(jobID: training.jobID, modelID: training.modelID),
        requestID: context.requestID
      )
    }
    group.post("aigc_images/create") { _, context in try await create(context) }
  }

  /// A server built without the portrait engine answers as PAI does for a model service that
  /// is not deployed.
  static func addUnavailable(to group: RouterGroup<AppRequestContext>, jobs: RouterGroup<AppRequestContext>) {
    for path in ["aigc_images/check", "aigc_images/create"] {
      group.post(RouterPath(path)) { _, _ -> Response in throw PAIError.modelNotFound }
    }
    jobs.post("aigc_images/train") { _, _ -> Response in throw PAIError.modelNotFound }
  }

  private func create(_ context: AppRequestContext) async throws -> Response {
    let request: CreateRequest
    do {
      request = try JSONBody.decode(CreateRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
    } catch let error as PAIError where error.status == .badRequest {
      // PAI's create answers a body it cannot read as invalid input, not as a parameter error.
      throw PAIError.invalidInput("Invalid input data. Please check the input dict. (\(error.message))")
    }
    try PortraitActions.requireModel(action: request.action, expected: "AIGCImageCreate", modelName: request.modelName)
    let configure = try Configure(request.configure)
    let created = try await portraits.create(
      modelID: request.modelID,
      modelIDs: request.modelIDs,
      templateImage: request.templateImage,
      configure: configure,
      appID: context.app.id
    )
    if !created.generativeKeys.isEmpty {
      context.logger.info(
        "portrait keys for a generative backend recorded, not applied",
        metadata: ["keys": "\(created.generativeKeys.joined(separator: ","))"]
      )
    }
    let scores = created.similarities.map { Double($0).rounded(to: 4) }
    return try EnvelopeResponse.success(
      PortraitCreateResponse(
        image: Data(created.jpeg).base64EncodedString(),
        costTime: created.costTime,
        modelID: created.modelIDs[0],
        modelIDs: created.modelIDs.count > 1 ? created.modelIDs : nil,
        displayScore: created.displayScore ? scores.min() : nil,
        displayScores: created.displayScore ? scores : nil
      ),
      requestID: context.requestID
    )
  }
}
