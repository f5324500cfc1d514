import Foundation
import LoupeJobs

/// PAI's asynchronous video actions as the application takes them: a request is validated whole
/// before anything is stored, then queued as a `Video` job through `JobAdmission` (one quota
/// unit per video, within the app's limit of unfinished jobs); a batch is stored all or nothing.
public struct VideoSubmissions: Sendable {
  let admission: JobAdmission
  let settings: VideoSettings

  public static let jobKind = "Video"

  public init(admission: JobAdmission, settings: VideoSettings) {
    self.admission = admission
    self.settings = settings
  }

  /// One video (or multimodal post) as the client sent it.
  public struct Video: Sendable {
    public var videoURL: String?
    public var title: String?
    public var images: [String]?
    public var text: String?

    public init(videoURL: String?, title: String?, images: [String]? = nil, text: String? = nil) {
      self.videoURL = videoURL
      self.title = title
      self.images = images
      self.text = text
    }
  }

  public func submit(
    action: String,
    modelName: String?,
    video: Video,
    configure: Configure,
    appID: String
  )
    async throws -> Job
  {
    let request = try VideoJobRequest.parse(
      action: action,
      modelName: modelName,
      videoURL: video.videoURL,
      title: video.title,
      images: video.images,
      text: video.text,
      configure: configure,
      settings: settings
    )
    return try await admission.submit(try newJob(request, appID: appID))
  }

  /// Every video of the batch is validated before any is stored; a bad URL names its index. The
  /// batch costs one quota unit per video.
  public func submitBatch(
    action: String,
    modelName: String?,
    videos: [Video],
    configure: Configure,
    appID: String
  )
    async throws -> Int64
  {
    guard action != VideoJobRequest.Action.multiModalClassify.rawValue else { throw ServiceError.modelNotFound }
    guard (1...settings.maxBatchSize).contains(videos.count) else {
      throw ServiceError.invalidParameter(
        "videos must hold 1 to \(settings.maxBatchSize) entries, got \(videos.count)"
      )
    }
    let jobs = try videos.enumerated().map { index, video in
      do {
        return try newJob(
          try VideoJobRequest.parse(
            action: action,
            modelName: modelName,
            videoURL: video.videoURL,
            title: video.title,
            images: nil,
            text: nil,
            configure: configure,
            settings: settings
          ),
          appID: appID
        )
      } catch let error as InputError {
        throw ServiceError.invalidParameter("videos[\(index)].url: \(error)")
      }
    }
    return try await admission.submitBatch(jobs, appID: appID).batchID
  }

  private func newJob(_ request: VideoJobRequest, appID: String) throws -> NewJob {
    NewJob(
      appID: appID,
      kind: Self.jobKind,
      action: request.action.rawValue,
      object: request.object,
      request: try WireJSON.string(request)
    )
  }
}
