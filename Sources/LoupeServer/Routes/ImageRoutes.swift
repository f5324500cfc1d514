import Hummingbird
import LoupeServices

/// `POST /api/v1/images`: PAI's synchronous image actions.
struct ImageRoutes {
  let images: ImageActions
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

  func add(to group: RouterGroup<AppRequestContext>) {
    group.post("images") { _, context in
      let request = try JSONBody.decode(ImageRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      let analysis = try await images.analyze(
        action: request.action,
        modelName: request.modelName,
        configure: try Configure(request.configure),
        image: request.image,
        appID: context.app.id
      )
      return try EnvelopeResponse.success(ImagePayload(analysis), requestID: context.requestID)
    }
  }
}
