import Foundation
import LoupeAnalysis
import LoupeJobs
import LoupeMedia
import LoupeStore
import Synchronization

/// Ingests a library video (a `LibraryIngest` job whose object is the video id): probe, one
/// decoding pass that cuts shots into clips and writes each clip's thumbnail as its shot ends,
/// subtitles aligned to clips, then each keyframe's tags and vectors. The clips are written in
/// one transaction with the video's `completed` status, so a run interrupted anywhere (even by
/// SIGKILL) leaves no clip behind and its rerun starts clean.
struct LibraryIngestHandler: JobHandler {
  static let jobKind = "LibraryIngest"

  let repository: LibraryMediaRepository
  let files: LibraryFiles
  let analysis: any ClipAnalysisService
  /// Transcribes the dialogue of videos without a subtitle stream; `nil` leaves them without.
  let speech: LazySpeechTranscriber?
  let settings: LibrarySettings
  let limits: VideoLimits
  let decoderThreads: Int

  /// Keyframes are scanned at this longer side; thumbnails are written at it.
  static let keyframeSide = 640

  enum Step {
    static let probing = "probing"
    static let decoding = "decoding"
    static let transcoding = "transcoding"
    static let transcribing = "transcribing"
    static let analyzing = "analyzing"
  }

  /// A clip as the scan found it, before analysis.
  struct Draft: Sendable {
    var start: Double
    var end: Double
    var hasKeyframe: Bool
    /// Handed to the `KeyframeAnalysisPipeline` during the scan.
    var analysing: Bool
  }

  func run(_ job: Job, context: JobContext) async throws -> String {
    let videoID = job.object
    // A video deleted while queued has nothing left to ingest.
    guard let video = try await repository.video(id: videoID) else { return "{}" }
    do {
      guard try await repository.setStatus(.processing, ofVideo: videoID) else { return "{}" }
      let count = try await ingest(video, context: context)
      return try WireJSON.string(["clips": count])
    } catch {
      if JobFailure.isInterruption(error) { throw error }
      let message = Self.message(for: error)
      _ = try? await repository.setStatus(.failed, error: message, ofVideo: videoID)
      throw JobError.permanent(message)
    }
  }

  private func ingest(_ video: LibraryVideo, context: JobContext) async throws -> Int {
    try await context.step(Step.probing)
    let file = files.object(video.objectKey)
    let info = try await offCooperativePool { try VideoInfo(contentsOf: file) }
    try await repository.setProbe(
      duration: Int(info.duration.rounded()),
      width: info.width,
      height: info.height,
      ofVideo: video.id
    )

    let needsRendition = !PlaybackRendition.isBrowserPlayable(info, contentType: video.contentType)
    if needsRendition { try await repository.setPlayback("pending", ofVideo: video.id) }

    try await context.step(Step.decoding)
    let folder = files.thumbnailFolder(video: video.id)
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var options = VideoScanOptions()
    options.limits = limits
    options.threadCount = decoderThreads
    options.sampleMaxSide = Self.keyframeSide
    // Clips come from the shots' own frames; the scan keeps no samples or shot frames of its own.
    options.maxSamples = 1
    options.maxShotFrames = 0
    let drafts = Mutex<[Draft]>([])
    let files = files
    let maxClipSeconds = settings.maxClipSeconds
    let pipeline = KeyframeAnalysisPipeline(analysis: analysis)
    async let early = pipeline.results()
    let scan: VideoScan
    do {
      defer { pipeline.finish() }
      scan = try await VideoScanner(options: options).scan(file, reportingTo: context) { closed in
        for part in ClipPlan.parts(start: closed.shot.startTime, end: closed.shot.endTime, maxSeconds: maxClipSeconds) {
          let index = drafts.withLock { $0.count }
          let frame = try closed.frame(nearest: (part.start + part.end) / 2)
          var analysing = false
          if let frame {
            let jpeg = try ImageEncoder.encode(frame.image, as: .jpeg(quality: 85))
            try Data(jpeg).write(to: files.thumbnail(video: video.id, clip: index))
            analysing = pipeline.offer(frame.image, index: index)
          }
          drafts.withLock {
            $0.append(Draft(start: part.start, end: part.end, hasKeyframe: frame != nil, analysing: analysing))
          }
        }
      }
    }

    if needsRendition {
      // A failed rendition leaves the video searchable; `get_video_media` says `failed`.
      try await context.step(Step.transcoding)
      let destination = files.playback(video: video.id)
      let threads = decoderThreads
      let made =
        (try? await offCooperativePool {
          try PlaybackRendition.make(from: file, to: destination, threads: threads)
        }) != nil
      try await repository.setPlayback(made ? "ready" : "failed", ofVideo: video.id)
    }

    let stream = scan.subtitles.first { !$0.cues.isEmpty }?.cues ?? []
    var spoken: [DialogueEvent] = []
    if stream.isEmpty, info.hasAudio, let speech {
      // Dialogue without subtitles is in the audio: speech recognition makes it searchable. A
      // failure here (an unreadable audio stream) leaves the clips without subtitles, not failed.
      try await context.step(Step.transcribing)
      spoken = await speech.dialogueEvents(of: file)
    }
    let cues = Dialogue(textStream: stream, speech: spoken).events.map {
      SubtitleCue(start: $0.start, end: $0.end, text: $0.text)
    }

    try await context.step(Step.analyzing)
    let found = drafts.withLock { $0 }
    let analysed = try await early
    var clips: [LibraryClip] = []
    let decoder = ImageDecoder()
    let now = Date()
    for (index, draft) in found.enumerated() {
      var result: ClipAnalysis?
      if draft.analysing {
        result = analysed[index]
      } else if draft.hasKeyframe {
        let thumbnail = files.thumbnail(video: video.id, clip: index)
        let keyframe = try await offCooperativePool { try decoder.decode(contentsOf: thumbnail).pixels }
        result = try await analysis.analyze(keyframe: keyframe)
      } else {
        // A blank shot (black, a fade): its thumbnail is a black frame, and nothing is seen on it.
        let black = PixelBuffer(width: 64, height: 36)
        try Data(try ImageEncoder.encode(black, as: .jpeg(quality: 85)))
          .write(to: files.thumbnail(video: video.id, clip: index))
      }
      let tags = ClipTags(labels: result?.labels ?? [], blank: !draft.hasKeyframe)
      var clip = LibraryClip(
        videoID: video.id,
        projectID: video.projectID,
        index: index,
        startTime: draft.start,
        endTime: draft.end,
        subtitle: SubtitleAlignment.text(for: (draft.start, draft.end), cues: cues),
        aiTags: try WireJSON.string(tags),
        semantic: result?.semantic,
        visual: result?.visual,
        createdAt: now
      )
      clip.shotSize = result?.shotSize?.rawValue
      clip.faces = result.flatMap { $0.faces.isEmpty ? nil : VectorBlob.data($0.faces.flatMap { $0 }) }
      clip.drawnFaces = result.flatMap { $0.drawnFaces.isEmpty ? nil : VectorBlob.data($0.drawnFaces.flatMap { $0 }) }
      clips.append(clip)
      try await context.progress(Double(index + 1) / Double(max(found.count, 1)))
    }
    guard try await repository.complete(videoID: video.id, clips: clips) else {
      // Deleted while ingesting: its files go too.
      self.files.removeVideo(id: video.id, objectKey: video.objectKey)
      return 0
    }
    try await ProjectSignals(repository: repository).refresh(projectID: video.projectID)
    return clips.count
  }

  /// A stable message for the video's `processing_error`: what was wrong with the file, never a
  /// path or an internal error's text.
  static func message(for error: any Error) -> String {
    switch error {
    case let error as VideoError: error.description
    case let error as ImageError: "a keyframe could not be processed: \(error)"
    default: "the video could not be processed"
    }
  }
}

/// The ingest's tags of a clip, as `ai_tags` shows them.
struct ClipTags: Codable, Sendable {
  var labels: [String]
  var blank: Bool
}
