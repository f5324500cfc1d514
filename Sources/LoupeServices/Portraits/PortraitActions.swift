import Foundation
import LoupeAnalysis
import LoupeJobs
import LoupeMedia
import LoupeStore

/// PAI's AI-portrait actions as the application runs them: check photos (synchronously), queue a
/// training job that builds an identity under a new `model_id`, and put trained identities into
/// a template photo.
public struct PortraitActions: Sendable {
  let service: any PortraitService
  let store: PortraitModelStore
  let admission: JobAdmission
  let loader: MediaLoader
  let decoder: ImageDecoder
  /// Admits the synchronous check and create; training runs as a job.
  let gate: AnalysisGate

  public static let jobKind = "Image"
  public static let trainAction = "AIGCImageTrain"

  public init(
    service: any PortraitService,
    store: PortraitModelStore,
    admission: JobAdmission,
    loader: MediaLoader,
    decoder: ImageDecoder,
    gate: AnalysisGate
  ) {
    self.service = service
    self.store = store
    self.admission = admission
    self.gate = gate
    self.loader = loader
    self.decoder = decoder
  }

  public func check(images: JSONValue?, appID: String) async throws -> PortraitCheckOutcome {
    let started = ContinuousClock.now
    let urls = try PortraitInputs.photoURLs(images)
    let (photos, checks) = try await gate.run { [loader, decoder, service] in
      let photos = await PortraitInputs.load(urls, appID: appID, loader: loader, decoder: decoder)
      return (photos, try await service.check(photos))
    }
    let results = zip(zip(urls, photos), checks).map {
      PortraitCheckResult(TrainingPhoto(url: $0.0.0, image: $0.0.1, check: $0.1))
    }
    return PortraitCheckOutcome(results: results, urls: urls, costTime: (ContinuousClock.now - started).seconds)
  }

  /// Validates the photo list, records the identity as training and queues its job through
  /// `JobAdmission` (one quota unit). A model whose job could not be queued (refused by the quota
  /// or the app's limit of unfinished jobs, or a store failure) is marked failed at once: nothing
  /// would ever train it.
  public func train(images: JSONValue?, appID: String) async throws -> PortraitTraining {
    let urls = try PortraitInputs.photoURLs(images)
    let modelID = UUID().uuidString.lowercased()
    try await store.create(id: modelID, appID: appID, jobID: nil)
    do {
      let payload = try WireJSON.string(PortraitTrainingRequest(images: urls, modelID: modelID))
      let job = try await admission.submit(
        NewJob(appID: appID, kind: Self.jobKind, action: Self.trainAction, object: modelID, request: payload)
      )
      try await store.attach(jobID: job.id, to: modelID)
      return PortraitTraining(jobID: job.id, modelID: modelID)
    } catch {
      try? await store.fail(id: modelID)
      throw error
    }
  }

  /// `model_ids` when given, else `model_id`; Go always sends both (`""` for the unused one).
  public func create(
    modelID: String?,
    modelIDs: [String]?,
    templateImage: String?,
    configure: Configure,
    appID: String
  ) async throws -> PortraitCreated {
    let started = ContinuousClock.now
    let (ids, assignment) = try Self.identities(modelID: modelID, modelIDs: modelIDs)
    let options = try PortraitOptions(configure)
    guard let templateURL = templateImage, !templateURL.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ServiceError.invalidInput("Image not provided. Please check the template_image.")
    }
    var identities: [IdentityModel] = []
    for id in ids {
      identities.append(try await identity(id, appID: appID))
    }
    let source = try MediaSource.parse(templateURL, field: "template_image")
    let bytes: Data
    do {
      bytes = try await loader.load(source, appID: appID, field: "template_image")
    } catch let error as InputError where error.isRequestFault {
      throw error
    } catch {
      throw PortraitError.templateUndecodable
    }
    let creation = try await gate.run { [decoder, service, identities] in
      let template: PixelBuffer
      do {
        template = try decoder.decode(bytes, workingPixels: PortraitInputs.workingPixels).pixels
      } catch {
        throw PortraitError.templateUndecodable
      }
      return try await service.create(
        template: template,
        identities: identities,
        assignment: assignment,
        options: options
      )
    }
    return PortraitCreated(
      jpeg: try ImageEncoder.encode(creation.image, as: .jpeg(quality: 95)),
      modelIDs: ids,
      similarities: creation.similarities,
      displayScore: options.displayScore,
      generativeKeys: options.generative.keysGiven,
      costTime: (ContinuousClock.now - started).seconds
    )
  }

  /// The trained identity `id` of the app; PAI answers alike for one that is unknown, untrained,
  /// failed or another app's.
  private func identity(_ id: String, appID: String) async throws -> IdentityModel {
    guard try await store.state(id: id, appID: appID) == .ready else { throw ServiceError.identityUnavailable }
    do {
      return try await IdentityModel.load { name in try await store.file(name, of: id, appID: appID) }
    } catch {
      throw ServiceError.identityUnavailable
    }
  }

  /// The identities and how they go into the template: `model_ids` (even of one) asks for one
  /// face per identity, `model_id` for the largest face.
  static func identities(modelID: String?, modelIDs: [String]?) throws -> ([String], FaceAssignment) {
    let many = (modelIDs ?? []).filter { !$0.isEmpty }
    let ids = many.isEmpty ? [modelID ?? ""].filter { !$0.isEmpty } : many
    guard !ids.isEmpty, ids.allSatisfy({ UUID(uuidString: $0) != nil }) else {
      throw ServiceError.invalidInput("Prompts get error. Please check the model_id.")
    }
    return (ids.map { $0.lowercased() }, many.isEmpty ? .largestFace : .everyFace)
  }

  /// The portrait actions take only their own action name and the general model.
  public static func requireModel(action: String, expected: String, modelName: String?) throws {
    guard action == expected, (modelName ?? "").isEmpty else { throw ServiceError.modelNotFound }
  }
}
