import Hummingbird
import LoupeServices

/// `POST /api/v1/videos` and `POST /api/v1/batch_videos`: PAI's asynchronous video actions.
struct VideoRoutes {
  let videos: VideoSubmissions
  let maxJSONDepth: Int

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

  func add(to group: RouterGroup<AppRequestContext>) {
    group.post("videos") { _, context in
      let body = try JSONBody.decode(VideoRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      let job = try await videos.submit(
        action: body.action,
        modelName: body.modelName,
        video: .init(videoURL: body.videoURL, title: body.videoTitle, images: body.images, text: body.text),
        configure: try Configure(body.configure),
        appID: context.app.id
      )
      context.logger.info("video job queued", metadata: ["job_id": "\(job.id)", "action": "\(job.action)"])
      return try EnvelopeResponse.success(JobCreated(jobID: job.id), requestID: context.requestID)
    }
    group.post("batch_videos") { _, context in
      let body = try JSONBody.decode(BatchRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      let batchID = try await videos.submitBatch(
        action: body.action,
        modelName: body.modelName,
        videos: body.videos.map { .init(videoURL: $0.url, title: $0.title) },
        configure: try Configure(body.configure),
        appID: context.app.id
      )
      context.logger.info("video batch queued", metadata: ["batch_id": "\(batchID)", "jobs": "\(body.videos.count)"])
      return try EnvelopeResponse.success(BatchCreated(batchID: batchID), requestID: context.requestID)
    }
  }
}
