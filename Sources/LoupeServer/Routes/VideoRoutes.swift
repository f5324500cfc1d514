import Foundation
import Hummingbird
import LoupeJobs

/// `POST /api/v1/videos` and `POST /api/v1/batch_videos`: PAI's asynchronous video actions.
/// A request is validated whole before anything is stored; a batch is stored all or nothing.
struct VideoRoutes {
  let queue: any JobQueue
  let settings: VideoSettings
  let maxJSONDepth: Int

  static let jobKind = "Video"

  struct VideoRequest: Decodable {
    var action: String
    var videoURL: String?
    var videoTitle: String?
    var modelName: String?
    var text: String?
    var images: [String]?
    var configure: JSONValue?

    enum CodingKeys: String, CodingKey {
      case action, text, images, configure
      case videoURL = "video_url"
      case videoTitle = "video_title"
      case modelName = "model_name"
    }
  }

  struct BatchRequest: Decodable {
    var action: String
    var videos: [BatchVideo]
    var modelName: String?
    var configure: JSONValue?

    enum CodingKeys: String, CodingKey {
      case action, videos, configure
      case modelName = "model_name"
    }
  }

  struct BatchVideo: Decodable {
    var url: String?
    var title: String?
  }

  struct JobCreated: Encodable {
    var jobID: Int64
    enum CodingKeys: String, CodingKey { case jobID = "job_id" }
  }

  struct BatchCreated: Encodable {
    var batchID: Int64
    enum CodingKeys: String, CodingKey { case batchID = "batch_id" }
  }

  func add(to group: RouterGroup<LoupeRequestContext>) {
    group.post("videos") { _, context in try await submit(context) }
    group.post("batch_videos") { _, context in try await submitBatch(context) }
  }

  private func submit(_ context: LoupeRequestContext) async throws -> Response {
    let body = try JSONBody.decode(VideoRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
    let request = try VideoJobRequest.parse(
      action: body.action, modelName: body.modelName, videoURL: body.videoURL, title: body.videoTitle,
      images: body.images, text: body.text, configure: try Configure(body.configure), settings: settings)
    let job = try await queue.submit(try newJob(request, appID: context.app?.id ?? ""), now: Date())
    context.logger.info("video job queued", metadata: ["job_id": "\(job.id)", "action": "\(request.action.rawValue)"])
    return try EnvelopeResponse.success(JobCreated(jobID: job.id), requestID: context.requestID)
  }

  private func submitBatch(_ context: LoupeRequestContext) async throws -> Response {
    let body = try JSONBody.decode(BatchRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
    guard body.action != VideoJobRequest.Action.multiModalClassify.rawValue else { throw PAIError.modelNotFound }
    guard (1...settings.maxBatchSize).contains(body.videos.count) else {
      throw PAIError.parameter("videos must hold 1 to \(settings.maxBatchSize) entries, got \(body.videos.count)")
    }
    let configure = try Configure(body.configure)
    let appID = context.app?.id ?? ""
    let jobs = try body.videos.enumerated().map { index, video in
      do {
        return try newJob(
          try VideoJobRequest.parse(
            action: body.action, modelName: body.modelName, videoURL: video.url, title: video.title, images: nil,
            text: nil, configure: configure, settings: settings),
          appID: appID)
      } catch let error as InputError {
        throw PAIError.parameter("videos[\(index)].url: \(error)")
      }
    }
    let (batchID, _) = try await queue.submitBatch(jobs, appID: appID, now: Date())
    context.logger.info("video batch queued", metadata: ["batch_id": "\(batchID)", "jobs": "\(jobs.count)"])
    return try EnvelopeResponse.success(BatchCreated(batchID: batchID), requestID: context.requestID)
  }

  private func newJob(_ request: VideoJobRequest, appID: String) throws -> NewJob {
    NewJob(
      appID: appID, kind: Self.jobKind, action: request.action.rawValue, object: request.object,
      request: try JobJSON.string(request))
  }
}
