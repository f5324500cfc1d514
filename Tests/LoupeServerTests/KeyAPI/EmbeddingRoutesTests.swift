import Foundation
import LoupeServices
import LoupeTestSupport
import Testing

/// `/v1/embeddings` over the deterministic embeddings: OpenAI's request and response shapes,
/// inputs of every kind, and errors. The live models are driven by pytidb in `PytidbTests`.
@Suite(.offCooperativePool) struct EmbeddingRoutesTests {
  static func allowLoopback(_ configuration: inout ServiceConfiguration) {
    configuration.fetch.allowedNetworks = [IPNetwork("127.0.0.1/32")!]
  }

  static func vectors(_ answer: ServerAnswer) -> [[Double]] {
    ((answer.json["data"] as? [[String: Any]]) ?? []).map { ($0["embedding"] as? [Double]) ?? [] }
  }

  @Test func textsEmbedInOrderInOpenAIsShape() async throws {
    try await TestServer.run { server in
      let (key, _) = try await server.key()
      let single = try await server.keyed(
        .POST,
        "/v1/embeddings",
        key: key,
        body: #"{"model": "loupe-semantic", "input": "orange tabby cat"}"#
      )
      #expect(single.status == 200 && single.json["object"] as? String == "list")
      #expect(single.json["model"] as? String == "loupe-semantic")
      let item = try #require((single.json["data"] as? [[String: Any]])?.first)
      #expect(item["object"] as? String == "embedding" && item["index"] as? Int == 0)
      #expect(Self.vectors(single)[0].count == 512)
      #expect((single.json["usage"] as? [String: Any])?["prompt_tokens"] as? Int == 3)
      let list = try await server.keyed(
        .POST,
        "/v1/embeddings",
        key: key,
        body: #"{"model": "jina_ai/loupe-semantic", "input": ["a", {"text": "orange tabby cat"}]}"#
      )
      #expect(list.status == 200 && Self.vectors(list).count == 2)
      #expect(Self.vectors(list)[1] == Self.vectors(single)[0])
    }
  }

  @Test func imagesComeAsBase64DataURIsOrURLs() async throws {
    try await ImageServer.run { images in
      try await TestServer.run(configure: Self.allowLoopback) { server in
        let (key, _) = try await server.key()
        let bytes = try Data(contentsOf: InstalledDependencies.directory.packageFile("skimage/data/chelsea.png"))
        let body = """
          {"model": "loupe-visual", "input": [{"image": "\(bytes.base64EncodedString())"},
            {"image": "data:image/png;base64,\(bytes.base64EncodedString())"}, {"image": "\(images)/chelsea.png"},
            {"image": "\(images)/coffee.png"}]}
          """
        let answer = try await server.keyed(.POST, "/v1/embeddings", key: key, body: body)
        #expect(answer.status == 200)
        let vectors = Self.vectors(answer)
        #expect(vectors.count == 4 && vectors[0].count == 1280)
        #expect(vectors[0] == vectors[1] && vectors[1] == vectors[2] && vectors[2] != vectors[3])
      }
    }
  }

  @Test func base64EncodingIsLittleEndianFloat32() async throws {
    try await TestServer.run { server in
      let (key, _) = try await server.key()
      let input = #""model": "loupe-semantic", "input": ["hello"]"#
      let floats = try await server.keyed(.POST, "/v1/embeddings", key: key, body: "{\(input)}")
      let encoded = try await server.keyed(
        .POST,
        "/v1/embeddings",
        key: key,
        body: #"{\#(input), "encoding_format": "base64"}"#
      )
      let text = try #require((encoded.json["data"] as? [[String: Any]])?.first?["embedding"] as? String)
      let data = try #require(Data(base64Encoded: text))
      let decoded = stride(from: 0, to: data.count, by: 4).map { offset in
        Double(Float(bitPattern: data[offset..<offset + 4].enumerated().reduce(0) { $0 | UInt32($1.1) << (8 * $1.0) }))
      }
      #expect(decoded.count == 512)
      #expect(zip(decoded, Self.vectors(floats)[0]).allSatisfy { abs($0 - $1) < 1e-6 })
    }
  }

  @Test func refusalsNameTheInputAndUseOpenAIsShape() async throws {
    try await ImageServer.run { images in
      try await TestServer.run(configure: Self.allowLoopback) { server in
        let (key, _) = try await server.key()
        func post(_ body: String) async throws -> ServerAnswer {
          try await server.keyed(.POST, "/v1/embeddings", key: key, body: body)
        }
        let unknown = try await post(#"{"model": "clip", "input": "x"}"#)
        #expect(unknown.status == 404 && unknown.errorCode == "model_not_found")
        let textToVisual = try await post(#"{"model": "loupe-visual", "input": ["x"]}"#)
        #expect(textToVisual.status == 400 && textToVisual.errorCode == "validation_error")
        #expect(textToVisual.errorMessage?.contains("input[0]") == true)
        let empty = try await post(#"{"model": "loupe-semantic", "input": ["ok", "  "]}"#)
        #expect(empty.status == 400 && empty.errorMessage?.contains("input[1]") == true)
        let notImage = try await post(
          #"{"model": "loupe-visual", "input": [{"image": "\#(images)/not-an-image.png"}]}"#
        )
        #expect(notImage.status == 422 && notImage.errorCode == "invalid_input")
        let format = try await post(#"{"model": "loupe-semantic", "input": "x", "encoding_format": "int8"}"#)
        #expect(format.status == 400)
        let malformed = try await post(#"{"model": "loupe-semantic", "input": [{"audio": "x"}]}"#)
        #expect(
          malformed.status == 400
            && (malformed.json["error"] as? [String: Any])?["type"] as? String == "invalid_request_error"
        )
      }
    }
  }

  @Test func privateAddressesAreRefusedUnlessAllowed() async throws {
    try await ImageServer.run { images in
      try await TestServer.run { server in
        let (key, _) = try await server.key()
        let answer = try await server.keyed(
          .POST,
          "/v1/embeddings",
          key: key,
          body: #"{"model": "loupe-visual", "input": [{"image": "\#(images)/chelsea.png"}]}"#
        )
        #expect(answer.status == 400 && answer.errorCode == "validation_error")
      }
    }
  }

  @Test func withoutEmbeddingModelsTheModelIsNotFound() async throws {
    try await TestServer.run(embeddings: nil) { server in
      let (key, _) = try await server.key()
      let answer = try await server.keyed(
        .POST,
        "/v1/embeddings",
        key: key,
        body: #"{"model": "loupe-semantic", "input": "x"}"#
      )
      #expect(answer.status == 404)
    }
  }
}
