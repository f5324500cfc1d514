import LoupeMedia

/// PAI's synchronous image actions as the application runs them: validate the command, load the
/// image the request names (under the fetch policy, media roots and blob ownership), decode it
/// within the image limits, analyse it.
public struct ImageActions: Sendable {
  let analysis: any ImageAnalysisService
  let loader: MediaLoader
  let decoder: ImageDecoder

  public init(analysis: any ImageAnalysisService, loader: MediaLoader, decoder: ImageDecoder) {
    self.analysis = analysis
    self.loader = loader
    self.decoder = decoder
  }

  public func analyze(
    action: String,
    modelName: String?,
    configure: Configure,
    image: String?,
    appID: String
  )
    async throws -> ImageAnalysis
  {
    let command = try ImageCommand.parse(action: action, modelName: modelName, configure: configure)
    let source = try MediaSource.parse(image ?? "", field: "image")
    let pixels = try decoder.decode(try await loader.load(source, appID: appID, field: "image")).pixels
    return ImageAnalysis(
      result: try await analysis.analyze(command, image: pixels),
      width: pixels.width,
      height: pixels.height
    )
  }
}
