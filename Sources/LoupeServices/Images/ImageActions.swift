import LoupeMedia

/// PAI's synchronous image actions as the application runs them: validate the command, load the
/// image the request names (under the fetch policy, media roots and blob ownership), then, once
/// the gate admits it, decode it within the image limits and analyse it.
public struct ImageActions: Sendable {
  let analysis: any ImageAnalysisService
  let loader: MediaLoader
  let decoder: ImageDecoder
  let gate: AnalysisGate

  public init(analysis: any ImageAnalysisService, loader: MediaLoader, decoder: ImageDecoder, gate: AnalysisGate) {
    self.analysis = analysis
    self.loader = loader
    self.decoder = decoder
    self.gate = gate
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
    let bytes = try await loader.load(source, appID: appID, field: "image")
    return try await gate.run { [decoder, analysis] in
      let pixels = try decoder.decode(bytes).pixels
      return ImageAnalysis(
        result: try await analysis.analyze(command, image: pixels),
        width: pixels.width,
        height: pixels.height
      )
    }
  }
}
