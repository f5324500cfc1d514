import LoupeAnalysis
import LoupeRuntime
import LoupeVision

/// The engines behind the services: the live models, or fixed values in tests of the layers
/// above them. Live engines load every model through the process-wide `ModelCache`, so a model
/// two features share is compiled once.
public struct AnalysisEngines: Sendable {
  public var images: any ImageAnalysisService
  public var videos: any VideoAnalysisService
  /// The AI-portrait engine; without one the portrait actions answer "model not found", as PAI
  /// does for a model service that is not deployed.
  public var portraits: (any PortraitService)?
  /// The embeddings of `/v1/embeddings` and collections; without them those answer that the
  /// model is not available.
  public var embeddings: (any EmbeddingService)?
  /// The media library's keyframe analysis and search vectors; without it library ingests and
  /// searches answer that the models are not available.
  public var clips: (any ClipAnalysisService)?
  /// Speech recognition (silero VAD + Whisper base): the dialogue of library videos that carry no
  /// subtitle stream.
  public var speech: LazySpeechTranscriber?

  public init(
    images: any ImageAnalysisService,
    videos: any VideoAnalysisService,
    portraits: (any PortraitService)? = nil,
    embeddings: (any EmbeddingService)? = nil,
    clips: (any ClipAnalysisService)? = nil,
    speech: LazySpeechTranscriber? = nil
  ) {
    self.images = images
    self.videos = videos
    self.portraits = portraits
    self.embeddings = embeddings
    self.clips = clips
    self.speech = speech
  }

  /// Every live model Loupe serves; `drawnFaces` (`library.drawn_faces`) adds AnimeFace to the
  /// library's keyframe analysis.
  public static func live(
    dependencies: DependenciesDirectory,
    options: InferenceOptions,
    drawnFaces: Bool = true
  ) async throws
    -> AnalysisEngines
  {
    let images = try await LiveImageAnalysis.load(dependencies: dependencies, options: options)
    return AnalysisEngines(
      images: images,
      videos: try await LiveVideoAnalysis.load(sharing: images, dependencies: dependencies, options: options),
      portraits: try LivePortraitService.load(
        dependencies: dependencies,
        options: options,
        renderer: FaceFusionRenderer()
      ),
      embeddings: LiveEmbeddingService(tagger: images.tagger),
      clips: LiveClipAnalysis(
        tagger: images.tagger,
        faces: try FaceAnalyzer.live(dependencies: dependencies, options: options),
        drawnFaces: drawnFaces ? try AnimeFaceDetector.live(dependencies: dependencies) : nil
      ),
      speech: LazySpeechTranscriber { try SpeechTranscriber.live(dependencies: dependencies, threads: options.threads) }
    )
  }
}
