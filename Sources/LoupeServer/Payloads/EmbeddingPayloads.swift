import Foundation
import LoupeServices

/// `POST /v1/embeddings` as OpenAI and Jina clients send it (pytidb through litellm):
/// `input` a string, a list of strings, or a list of `{"text"}` / `{"image"}` items (or strings
/// among them); `encoding_format` `float` (default) or `base64`.
struct EmbeddingRequest: Decodable {
  var model: String
  var input: [Item]
  var encodingFormat: String?

  enum CodingKeys: String, CodingKey {
    case model, input
    case encodingFormat = "encoding_format"
  }

  enum Item: Decodable {
    case text(String)
    case image(String)

    init(from decoder: any Decoder) throws {
      if let text = try? decoder.singleValueContainer().decode(String.self) {
        self = .text(text)
        return
      }
      let object = try decoder.container(keyedBy: Keys.self)
      if let image = try object.decodeIfPresent(String.self, forKey: .image) {
        self = .image(image)
      } else if let text = try object.decodeIfPresent(String.self, forKey: .text) {
        self = .text(text)
      } else {
        throw DecodingError.keyNotFound(
          Keys.text,
          .init(codingPath: decoder.codingPath, debugDescription: "an input item needs \"text\" or \"image\"")
        )
      }
    }

    enum Keys: String, CodingKey { case text, image }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    model = try container.decode(String.self, forKey: .model)
    encodingFormat = try container.decodeIfPresent(String.self, forKey: .encodingFormat)
    if let single = try? container.decode(String.self, forKey: .input) {
      input = [.text(single)]
    } else {
      input = try container.decode([Item].self, forKey: .input)
    }
  }

  /// The model named, with a `provider/` prefix (as some clients keep it) ignored.
  func embeddingModel() throws -> EmbeddingModel {
    let name = model.split(separator: "/").last.map(String.init) ?? model
    guard let model = EmbeddingModel(rawValue: name) else {
      throw KeyAPIError(
        status: .notFound,
        code: "MODEL_NOT_FOUND",
        message: "model \(model.debugDescription) not found; models: "
          + EmbeddingModel.allCases.map(\.rawValue).joined(separator: ", ")
      )
    }
    return model
  }

  func inputs() throws -> [EmbeddingInput] {
    guard !input.isEmpty else { throw KeyAPIError.validation("input is empty") }
    return try input.enumerated().map { index, item in
      switch item {
      case .text(let text): .text(text)
      case .image(let reference): try EmbeddingInput.image(reference: reference, field: "input[\(index)].image")
      }
    }
  }
}

/// OpenAI's embeddings response.
struct EmbeddingResponse: Encodable {
  var object = "list"
  var data: [Embedding]
  var model: String
  var usage: Usage

  struct Embedding: Encodable {
    var object = "embedding"
    var index: Int
    var embedding: Vector
  }

  /// Floats, or their little-endian float32 bytes in base64 (`encoding_format: base64`).
  enum Vector: Encodable {
    case floats([Float])
    case base64(String)

    init(_ vector: [Float], base64: Bool) {
      guard base64 else {
        self = .floats(vector)
        return
      }
      var bytes = Data(capacity: vector.count * 4)
      for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
      self = .base64(bytes.base64EncodedString())
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .floats(let values): try container.encode(values)
      case .base64(let text): try container.encode(text)
      }
    }
  }

  struct Usage: Encodable {
    var promptTokens: Int
    var totalTokens: Int

    enum CodingKeys: String, CodingKey {
      case promptTokens = "prompt_tokens"
      case totalTokens = "total_tokens"
    }
  }
}
