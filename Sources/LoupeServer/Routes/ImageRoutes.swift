import Hummingbird
import LoupeMedia

/// `POST /api/v1/images`: PAI's synchronous image actions.
struct ImageRoutes {
  let analysis: any ImageAnalysisService
  let loader: MediaLoader
  let decoder: ImageDecoder
  let maxJSONDepth: Int

  struct ImageRequest: Decodable {
    var action: String
    var image: String?
    var modelName: String?
    var configure: JSONValue?

    enum CodingKeys: String, CodingKey {
      case action, image, configure
      case modelName = "model_name"
    }
  }

  func add(to group: RouterGroup<LoupeRequestContext>) {
    group.post("images") { _, context in try await handle(context) }
  }

  private func handle(_ context: LoupeRequestContext) async throws -> Response {
    let request = try JSONBody.decode(ImageRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
    let command = try ImageCommand.parse(
      action: request.action, modelName: request.modelName, configure: try Configure(request.configure))
    let source = try MediaSource.parse(request.image ?? "", field: "image")
    let bytes = try await loader.load(source, context.app?.id ?? "")
    let image = try decoder.decode(bytes).pixels
    let result = try await analysis.analyze(command, image: image)
    return try EnvelopeResponse.success(result, requestID: context.requestID)
  }
}
