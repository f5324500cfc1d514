import Foundation
import Hummingbird
import LoupeAnalysis
import LoupeJobs
import LoupeMedia
import LoupeStore

/// PAI's AI-portrait API: `POST /api/v1/aigc_images/check` (sync), `…/train` (an `Image` job
/// that builds an identity model under a new `model_id`) and `…/create` (sync, one or several
/// identities into a template photo).
struct PortraitRoutes {
  let service: any PortraitService
  let store: PortraitModelStore
  let queue: any JobQueue
  let loader: MediaLoader
  let decoder: ImageDecoder
  let maxJSONDepth: Int

  static let jobKind = "Image"
  static let trainAction = "AIGCImageTrain"

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

  func add(to group: RouterGroup<LoupeRequestContext>) {
    group.post("aigc_images/check") { _, context in try await check(context) }
    group.post("aigc_images/train") { _, context in try await train(context) }
    group.post("aigc_images/create") { _, context in try await create(context) }
  }

  /// A server built without the portrait engine answers as PAI does for a model service that
  /// is not deployed.
  static func addUnavailable(to group: RouterGroup<LoupeRequestContext>) {
    for path in ["aigc_images/check", "aigc_images/train", "aigc_images/create"] {
      group.post(RouterPath(path)) { _, _ -> Response in throw PAIError.modelNotFound }
    }
  }

  private func check(_ context: LoupeRequestContext) async throws -> Response {
    let started = ContinuousClock.now
    let request = try JSONBody.decode(PhotosRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
    try Self.requireModel(action: request.action, expected: "AIGCImageCheck", modelName: request.modelName)
    let urls = try PortraitInputs.photoURLs(request.images)
    let photos = await PortraitInputs.load(urls, appID: context.app?.id ?? "", loader: loader, decoder: decoder)
    let checks = try await service.check(photos)
    let results = zip(checks, urls).map {
      PortraitCheckPayload($0.0, url: $0.1)
    }
    return try EnvelopeResponse.success(
      PortraitCheckResponse(
        checkResults: results, costTime: (ContinuousClock.now - started).seconds, images: urls,
        requestID: context.requestID),
      requestID: context.requestID)
  }

  private func train(_ context: LoupeRequestContext) async throws -> Response {
    let request = try JSONBody.decode(PhotosRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
    try Self.requireModel(action: request.action, expected: Self.trainAction, modelName: request.modelName)
    let urls = try PortraitInputs.photoURLs(request.images)
    let appID = context.app?.id ?? ""
    let modelID = UUID().uuidString.lowercased()
    try await store.create(id: modelID, appID: appID, jobID: nil)
    let payload = try JobJSON.string(PortraitTrainingRequest(images: urls, modelID: modelID))
    let job: Job
    do {
      job = try await queue.submit(
        NewJob(appID: appID, kind: Self.jobKind, action: Self.trainAction, object: modelID, request: payload),
        now: Date())
      try await store.attach(jobID: job.id, to: modelID)
    } catch {
      // No job will ever train it: the model must not wait as "training" forever.
      try? await store.fail(id: modelID)
      throw error
    }
    context.logger.info("portrait training queued", metadata: ["job_id": "\(job.id)", "model_id": "\(modelID)"])
    return try EnvelopeResponse.success(
      PortraitTrainResponse(jobID: job.id, modelID: modelID), requestID: context.requestID)
  }

  private func create(_ context: LoupeRequestContext) async throws -> Response {
    let started = ContinuousClock.now
    let request: CreateRequest
    do {
      request = try JSONBody.decode(CreateRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
    } catch let error as PAIError where error.status == .badRequest {
      throw PAIError.invalidInput("Invalid input data. Please check the input dict. (\(error.message))")
    }
    try Self.requireModel(action: request.action, expected: "AIGCImageCreate", modelName: request.modelName)
    let modelIDs = try Self.identities(request)
    let options = try PortraitOptions(try Configure(request.configure))
    if !options.generative.keysGiven.isEmpty {
      context.logger.info(
        "portrait keys for a generative backend recorded, not applied",
        metadata: ["keys": "\(options.generative.keysGiven.joined(separator: ","))"])
    }
    guard let templateURL = request.templateImage, !templateURL.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw PAIError.invalidInput("Image not provided. Please check the template_image.")
    }
    let appID = context.app?.id ?? ""
    var identities: [IdentityModel] = []
    for id in modelIDs {
      identities.append(try await identity(id, appID: appID))
    }
    let template: PixelBuffer
    do {
      template = try decoder.decode(try await loader.load(try MediaSource.parse(templateURL), appID)).pixels
    } catch let error as FetchError where error.isPolicyRefusal {
      throw PAIError.parameter("template_image: \(error)")
    } catch let error as InputError where error.paiError.status == .badRequest {
      throw error.paiError
    } catch {
      throw PAIError.invalidInput(PortraitError.templateUndecodable.description)
    }
    let creation: PortraitCreation
    do {
      creation = try await service.create(template: template, identities: identities, options: options)
    } catch let error as PortraitError {
      switch error {
      case .faceCountMismatch: throw PAIError.processingFailure(error.description)
      default: throw PAIError.invalidInput(error.description)
      }
    }
    let jpeg = try ImageEncoder.encode(creation.image, as: .jpeg(quality: 95))
    let scores = creation.similarities.map { Double($0).rounded(to: 4) }
    return try EnvelopeResponse.success(
      PortraitCreateResponse(
        image: Data(jpeg).base64EncodedString(), costTime: (ContinuousClock.now - started).seconds,
        modelID: modelIDs[0], modelIDs: modelIDs.count > 1 ? modelIDs : nil,
        displayScore: options.displayScore ? scores.min() : nil,
        displayScores: options.displayScore ? scores : nil),
      requestID: context.requestID)
  }

  /// The trained identity `id` of the app; PAI answers 500 for one that is unknown, untrained,
  /// failed or another app's.
  private func identity(_ id: String, appID: String) async throws -> IdentityModel {
    guard try await store.state(id: id, appID: appID) == .ready else { throw PAIError.identityUnavailable }
    do {
      return try await IdentityModel.load { name in try await store.file(name, of: id, appID: appID) }
    } catch {
      throw PAIError.identityUnavailable
    }
  }

  /// `model_ids` when given, else `model_id`; Go always sends both (`""` for the unused one).
  static func identities(_ request: CreateRequest) throws -> [String] {
    let many = (request.modelIDs ?? []).filter { !$0.isEmpty }
    let ids = many.isEmpty ? [request.modelID ?? ""].filter { !$0.isEmpty } : many
    guard !ids.isEmpty, ids.allSatisfy({ UUID(uuidString: $0) != nil }) else {
      throw PAIError.invalidInput("Prompts get error. Please check the model_id.")
    }
    return ids.map { $0.lowercased() }
  }

  static func requireModel(action: String, expected: String, modelName: String?) throws {
    guard action == expected, (modelName ?? "").isEmpty else { throw PAIError.modelNotFound }
  }
}

extension Duration {
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
