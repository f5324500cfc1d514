import Foundation
import LoupeAnalysis
import LoupeJobs
import LoupeMedia
import LoupeVision

/// Runs `/api/v1/videos` and `/api/v1/batch_videos` jobs: download, decode (one pass: samples,
/// shots, motion, subtitles), analyse; each a step in the job's `message`. Download faults that
/// may pass (timeouts, connection errors, 5xx) are retried by the worker pool; bad input is not.
struct VideoJobHandler: JobHandler {
  let files: MediaFileLoader
  let images: MediaLoader
  let imageDecoder: ImageDecoder
  let analysis: any VideoAnalysisService
  /// Speech recognition for the dialogue of videos with audio; `nil` reads none.
  let speech: LazySpeechTranscriber?
  let settings: VideoSettings
  /// Decoder threads per scan.
  let decoderThreads: Int

  /// Samples, and shot middle frames, that a scan keeps for the analyses.
  static let keptFrames = 48
  /// `MultiModalClassify` images are decoded shrunk to at most this many pixels, about the
  /// content actions' frame size: the tagger reads far less, and 20 images of 100 megapixels
  /// stay 31 MB.
  static let imagePixels = 720 * 720

  enum Step {
    static let videoDownloading = "video downloading"
    static let decoding = "decoding"
    static let transcribing = "transcribing"
    static let imageDownloading = "image downloading"
    static let analyzing = "analyzing"
  }

  func run(_ job: Job, context: JobContext) async throws -> String {
    let request: VideoJobRequest
    do {
      request = try JSONDecoder().decode(VideoJobRequest.self, from: Data(job.request.utf8))
    } catch {
      throw JobError.permanent("Invalid Input - json format error - \(error)")
    }
    do {
      return try await run(request, appID: job.appID, context: context)
    } catch {
      throw JobFailure.classify(error)
    }
  }

  private func run(_ request: VideoJobRequest, appID: String, context: JobContext) async throws -> String {
    var scan: VideoScan?
    var dialogue = Dialogue()
    if !request.videoURL.isEmpty {
      try await context.step(Step.videoDownloading)
      let media = try await files.load(
        try MediaSource.parse(request.videoURL, field: "video_url"),
        appID,
        settings.maxBytes,
        settings.downloadTimeout
      )
      defer { media.discard() }
      try await context.step(Step.decoding)
      // Burned-in subtitles are read from the frames as the scan decodes them.
      let burnedIn = request.action == .videoQA ? nil : analysis.subtitleReader()
      let scanned = try await self.scan(media.url, for: request.action, context: context, frames: burnedIn)
      scan = scanned
      let stream = scanned.subtitles.first { !$0.cues.isEmpty }?.cues ?? []
      // A video under a media root may have its subtitles beside it instead.
      var sidecar: [SubtitleCue] = []
      if stream.isEmpty && !media.isTemporary && request.action != .videoQA {
        sidecar = media.sidecars.lazy.compactMap { try? $0.cues() }.first { !$0.isEmpty } ?? []
      }
      // What is said: the classification actions read the audio too when there is any.
      var spoken: [DialogueEvent] = []
      if request.action != .videoQA, scanned.info.hasAudio, let speech {
        try await context.step(Step.transcribing)
        spoken = await speech.dialogueEvents(of: media.url)
      }
      dialogue = Dialogue(textStream: stream, sidecar: sidecar, ocr: burnedIn?.events() ?? [], speech: spoken)
    }
    var pictures: [PixelBuffer] = []
    if !request.images.isEmpty {
      try await context.step(Step.imageDownloading)
      // Each distinct URL is loaded and decoded once, shrunk on load to what the tagger reads.
      var decoded: [String: PixelBuffer] = [:]
      for (index, image) in request.images.enumerated() {
        if let known = decoded[image] {
          pictures.append(known)
          continue
        }
        let bytes: Data
        do {
          bytes = try await images.load(try MediaSource.parse(image, field: "images[\(index)]"), appID)
        } catch let error as FetchError {
          throw DownloadFailure(subject: "image", cause: error)
        }
        let picture = try await offCooperativePool { [imageDecoder] in
          try imageDecoder.decode(bytes, workingPixels: Self.imagePixels).pixels
        }
        decoded[image] = picture
        pictures.append(picture)
      }
    }
    try await context.step(Step.analyzing)
    switch request.action {
    case .videoQA:
      guard let scan else { throw JobError.permanent("video_url is required") }
      return try WireJSON.string(try await quality(of: scan))
    case .classifyLabelVideo, .multiModalClassify:
      return try WireJSON.string(try await content(of: request, scan: scan, dialogue: dialogue, images: pictures))
    }
  }

  private func quality(of scan: VideoScan) async throws -> VideoQualityPayload {
    let quality = try await analysis.assessQuality(
      frames: scan.samples.map(\.image),
      motion: scan.motion,
      frameRate: scan.info.frameRate
    )
    return VideoQualityPayload(
      avgFPS: Int(scan.info.frameRate.rounded()),
      duration: scan.info.duration.rounded(to: 3),
      height: scan.info.height,
      width: scan.info.width,
      singleImage: quality.singleImage.rounded(to: 4),
      videoScore: quality.score.rounded(to: 2)
    )
  }

  private func content(
    of request: VideoJobRequest,
    scan: VideoScan?,
    dialogue: Dialogue,
    images: [PixelBuffer]
  ) async throws -> VideoContentPayload {
    let texts = [WeightedText(request.title), WeightedText(request.text), WeightedText(dialogue.text(), weight: 0.5)]
    let evidence = ContentEvidence(
      frames: scan.map(Self.contentFrames) ?? [],
      images: images,
      texts: texts,
      textInEmbedding: request.action == .multiModalClassify
    )
    let output = request.output
    var content = try await analysis.describe(evidence, language: output.language)
    content.tags = Self.withSubtitleTag(content.tags, dialogue: dialogue, language: output.language)
    if output.embedding && content.embedding == nil {
      throw AnalysisError.invalidInput("nothing in the input carried a concept to embed")
    }
    return VideoContentPayload(
      classificationResult: output.classification
        ? content.categories.prefix(output.classificationTopK).map {
          .init(class: $0.category.name(in: output.language), score: Double($0.score).rounded(to: 3))
        } : nil,
      tagResult: output.tags
        ? content.tags.prefix(output.tagTopK).map { .init(tag: $0.name, score: Double($0.score).rounded(to: 3)) }
        : nil,
      embeddingResult: output.embedding ? content.embedding.map(EmbeddingText.commaSeparated) : nil,
      videoHeight: scan?.info.height,
      videoWidth: scan?.info.width,
      duration: scan?.info.duration.rounded(to: 3)
    )
  }

  private func scan(
    _ file: URL,
    for action: VideoJobRequest.Action,
    context: JobContext,
    frames reader: BurnedInSubtitleReader?
  ) async throws -> VideoScan {
    var options = VideoScanOptions()
    options.limits = VideoLimits(
      maxBytes: settings.maxBytes,
      maxDuration: settings.maxDuration,
      maxPixels: settings.maxFramePixels
    )
    options.threadCount = decoderThreads
    // Quality is judged at up to ImageQA's analysis size; content models need far less.
    options.sampleMaxSide = action == .videoQA ? 1280 : 720
    // The analyses read 16 frames each; three times that leaves room to skip blank stretches
    // while keeping the scan's pictures bounded (48 × 2.7 MB at 1280 × 720) whatever the video's
    // length or cut rate. VideoQA reads only the samples.
    options.maxSamples = Self.keptFrames
    options.maxShotFrames = action == .videoQA ? 0 : Self.keptFrames
    options.readsSubtitles = action != .videoQA
    let frames: (@Sendable (VideoFrame) throws -> Void)? = reader.map { reader in
      { @Sendable frame in try reader.readBlocking(frame) }
    }
    return try await VideoScanner(options: options).scan(file, reportingTo: context, frames: frames)
  }

  /// Samples and the kept shot middles in time order, one per frame index: short shots that fall
  /// between samples are represented too, and long shots by several samples.
  static func contentFrames(_ scan: VideoScan) -> [PixelBuffer] {
    var byIndex: [Int: VideoFrame] = [:]
    for frame in scan.samples + scan.shots.compactMap(\.middleFrame) { byIndex[frame.index] = frame }
    return byIndex.values.sorted { $0.index < $1.index }.map(\.image)
  }

  /// PAI's 有字幕 ("has subtitles") tag, scored by the surest subtitle event, in score order
  /// among the other tags: given when a text stream, a sidecar or burned-in text shows subtitles.
  static func withSubtitleTag(_ tags: [NamedTag], dialogue: Dialogue, language: Language) -> [NamedTag] {
    guard let score = dialogue.events.filter({ $0.source.isSubtitle }).map(\.confidence).max() else { return tags }
    let tag = NamedTag(name: language == .english ? "subtitled" : "有字幕", score: score)
    var tagged = tags
    tagged.insert(tag, at: tags.firstIndex { $0.score < score } ?? tags.count)
    return tagged
  }
}
