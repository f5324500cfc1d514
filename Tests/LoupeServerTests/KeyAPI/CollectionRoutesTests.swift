import Foundation
import LoupeServices
import LoupeTestSupport
import Testing

/// `/v1/collections` over the deterministic embeddings: schemas, rows, per-row failures,
/// filters, thresholds, paging and deletion. Relevance with the live models is
/// `CollectionFlowTests`.
@Suite(.offCooperativePool) struct CollectionRoutesTests {
  static let imageItems = """
    {"name": "image_items", "fields": [{"name": "id", "type": "int", "primary_key": true},
     {"name": "image_uri", "type": "string"}, {"name": "kind", "type": "string"}],
     "vector_fields": [{"name": "image_vec", "source_field": "image_uri", "source_type": "image"}]}
    """

  static let points = """
    {"name": "points", "fields": [{"name": "name", "type": "string", "primary_key": true},
     {"name": "weight", "type": "float"}, {"name": "seen", "type": "datetime"}, {"name": "ok", "type": "bool"},
     {"name": "v", "type": "vector", "dimension": 2}],
     "vector_fields": [{"name": "v", "distance": "l2", "dimension": 2}]}
    """

  static func rows(_ answer: ServerAnswer) -> [[String: Any]] { (answer.json["rows"] as? [[String: Any]]) ?? [] }

  @Test func rowsFillTheirVectorsFromImageURLsAndABrokenOneFailsAlone() async throws {
    try await ImageServer.run { images in
      try await TestServer.run(configure: EmbeddingRoutesTests.allowLoopback) { server in
        let (key, _) = try await server.key()
        #expect(try await server.keyed(.POST, "/v1/collections", key: key, body: Self.imageItems).status == 201)
        let body = """
          {"rows": [{"image_uri": "\(images)/chelsea.png", "kind": "cat"}, {"image_uri": "\(images)/missing.png"},
            {"image_uri": "\(images)/coffee.png", "kind": "drink"}, {"image_uri": "\(images)/not-an-image.png"},
            {"image_uri": "\(images)/astronaut.png", "kind": "person", "colour": "white"}, {"id": 7},
            {"image_uri": "ftp://example.org/a.png"}]}
          """
        let inserted = try await server.keyed(.POST, "/v1/collections/image_items/rows", key: key, body: body)
        #expect(inserted.status == 200 && inserted.json["inserted"] as? Int == 3)
        #expect(inserted.json["ids"] as? [Int] == [1, 2, 7])
        let errors = try #require(inserted.json["errors"] as? [[String: Any]])
        #expect(errors.compactMap { $0["index"] as? Int } == [1, 3, 4, 6])
        #expect((errors[2]["message"] as? String)?.contains("colour") == true)

        let search = try await server.keyed(
          .POST,
          "/v1/collections/image_items/search",
          key: key,
          body: #"{"query": {"image_url": "\#(images)/coffee.png"}, "limit": 3}"#
        )
        let found = Self.rows(search)
        // Row 7 has no image, so no vector: it is never found.
        try #require(found.compactMap { $0["id"] as? Int } == [2, 1], "\(search.status): \(search.json)")
        #expect(
          abs((found[0]["_distance"] as? Double ?? 1)) < 1e-5 && abs((found[0]["_score"] as? Double ?? 0) - 1) < 1e-5
        )
        #expect(found[0]["kind"] as? String == "drink" && found[0]["image_vec"] == nil)

        let info = try await server.keyed(.GET, "/v1/collections/image_items", key: key)
        #expect(info.json["row_count"] as? Int == 3)
        #expect((info.json["index"] as? [String: [String: Any]])?["image_vec"]?["vectors"] as? Int == 2)
      }
    }
  }

  @Test func explicitVectorsFiltersAndThresholds() async throws {
    try await TestServer.run { server in
      let (key, _) = try await server.key()
      #expect(try await server.keyed(.POST, "/v1/collections", key: key, body: Self.points).status == 201)
      let body = """
        {"rows": [{"name": "a", "weight": 1, "seen": "2026-01-01T00:00:00Z", "ok": true, "v": [0, 0]},
          {"name": "b", "weight": 2, "seen": "2026-06-01T12:00:00+02:00", "ok": false, "v": [3, 4]},
          {"name": "c", "weight": 3, "seen": 1798761600, "ok": true, "v": [1, 0]},
          {"name": "d", "weight": "heavy", "v": [1, 1]}, {"name": "e", "v": [1]}, {"weight": 1}]}
        """
      let inserted = try await server.keyed(.POST, "/v1/collections/points/rows", key: key, body: body)
      #expect(inserted.json["ids"] as? [String] == ["a", "b", "c"])
      #expect((inserted.json["errors"] as? [[String: Any]])?.compactMap { $0["index"] as? Int } == [3, 4, 5])

      func search(_ extra: String) async throws -> [String] {
        let answer = try await server.keyed(
          .POST,
          "/v1/collections/points/search",
          key: key,
          body: #"{"query": {"vector": [0, 0]}, \#(extra)}"#
        )
        #expect(answer.status == 200, "\(answer.text)")
        return Self.rows(answer).compactMap { $0["name"] as? String }
      }
      #expect(try await search(#""limit": 10"#) == ["a", "c", "b"])
      #expect(try await search(#""filter": {"weight": {"$gte": 2}}"#) == ["c", "b"])
      #expect(try await search(#""filter": {"ok": true, "name": {"$ne": "a"}}"#) == ["c"])
      #expect(try await search(#""filter": {"seen": {"$lt": "2026-06-01T11:00:00Z"}}"#) == ["a", "b"])
      #expect(try await search(#""filter": {"name": {"$in": ["b", "c", "z"]}}"#) == ["c", "b"])
      // Euclidean distances 0, 1 and 5: the threshold keeps those within 1.
      #expect(try await search(#""distance_threshold": 1"#) == ["a", "c"])
      let distance = try await server.keyed(
        .POST,
        "/v1/collections/points/search",
        key: key,
        body: #"{"query": {"vector": [0, 0]}, "filter": {"name": "b"}}"#
      )
      #expect(Self.rows(distance).first?["_distance"] as? Double == 5)
      let text = try await server.keyed(.POST, "/v1/collections/points/search", key: key, body: #"{"query": "a"}"#)
      #expect(text.status == 400)
      let badFilter = try await server.keyed(
        .POST,
        "/v1/collections/points/search",
        key: key,
        body: #"{"query": {"vector": [0, 0]}, "filter": {"weight": {"$regex": "x"}}}"#
      )
      #expect(badFilter.status == 400 && badFilter.errorMessage?.contains("$regex") == true)
    }
  }

  @Test func schemasAreCheckedAndIfExistsIsHonoured() async throws {
    try await TestServer.run { server in
      let (key, _) = try await server.key()
      func create(_ body: String) async throws -> ServerAnswer {
        try await server.keyed(.POST, "/v1/collections", key: key, body: body)
      }
      for bad in [
        #"{"name": "1x", "fields": []}"#,
        #"{"name": "x", "fields": [{"name": "a", "type": "text"}]}"#,
        #"{"name": "x", "fields": [{"name": "a", "type": "int", "primary_key": true}, {"name": "b", "type": "string", "primary_key": true}]}"#,
        #"{"name": "x", "fields": [{"name": "n", "type": "int"}], "vector_fields": [{"name": "v", "source_field": "n"}]}"#,
        #"{"name": "x", "fields": [{"name": "u", "type": "string"}], "vector_fields": [{"name": "v", "source_field": "u", "model": "clip"}]}"#,
        #"{"name": "x", "fields": [{"name": "u", "type": "string"}], "vector_fields": [{"name": "v", "source_field": "u", "source_type": "text", "model": "loupe-visual"}]}"#,
        #"{"name": "x", "fields": [{"name": "a", "type": "int"}, {"name": "a", "type": "int"}]}"#,
        #"{"name": "x", "fields": [], "if_exists": "replace"}"#,
      ] {
        let answer = try await create(bad)
        #expect(answer.status == 400 && answer.errorCode == "validation_error", "\(bad): \(answer.text)")
      }
      #expect(try await create(Self.points).status == 201)
      let again = try await create(Self.points)
      #expect(again.status == 409 && again.errorCode == "conflict")
      let skipped = try await create(
        Self.points.replacingOccurrences(of: #""name": "points","#, with: #""name": "points", "if_exists": "skip","#)
      )
      #expect(skipped.status == 200)
      #expect(try await server.keyed(.GET, "/v1/collections", key: key).json["collections"] as? [Any] != nil)
      #expect(try await server.keyed(.DELETE, "/v1/collections/points", key: key).status == 200)
      #expect(try await server.keyed(.DELETE, "/v1/collections/points", key: key).status == 404)
    }
  }

  @Test func rowsPageGetAndDeleteAndSearchForgetsDeletedRows() async throws {
    try await TestServer.run { server in
      let (key, _) = try await server.key()
      #expect(try await server.keyed(.POST, "/v1/collections", key: key, body: Self.points).status == 201)
      let rows = (0..<25).map { #"{"name": "p\#($0)", "weight": \#($0), "v": [\#($0), 1]}"# }
      _ = try await server.keyed(
        .POST,
        "/v1/collections/points/rows",
        key: key,
        body: #"{"rows": [\#(rows.joined(separator: ","))]}"#
      )
      let page = try await server.keyed(.GET, "/v1/collections/points/rows?offset=20&limit=10", key: key)
      #expect(page.json["total"] as? Int == 25 && Self.rows(page).count == 5)
      let query = try await server.keyed(
        .POST,
        "/v1/collections/points/rows/query",
        key: key,
        body: #"{"filter": {"weight": {"$lt": 3}}, "include_vectors": true}"#
      )
      #expect(Self.rows(query).map { $0["v"] as? [Double] } == [[0, 1], [1, 1], [2, 1]])
      let one = try await server.keyed(.GET, "/v1/collections/points/rows/p3", key: key)
      #expect(one.json["weight"] as? Int == 3)
      #expect(try await server.keyed(.GET, "/v1/collections/points/rows/zz", key: key).status == 404)
      // Build the index, then delete: the built index forgets the rows.
      let search = #"{"query": {"vector": [0, 1]}, "limit": 2}"#
      _ = try await server.keyed(.POST, "/v1/collections/points/search", key: key, body: search)
      let byIDs = try await server.keyed(
        .POST,
        "/v1/collections/points/rows/delete",
        key: key,
        body: #"{"ids": ["p0", "nope"]}"#
      )
      #expect(byIDs.json["deleted"] as? Int == 1)
      let byFilter = try await server.keyed(
        .POST,
        "/v1/collections/points/rows/delete",
        key: key,
        body: #"{"filter": {"weight": {"$lte": 1}}}"#
      )
      #expect(byFilter.json["deleted"] as? Int == 1)
      let after = try await server.keyed(.POST, "/v1/collections/points/search", key: key, body: search)
      #expect(Self.rows(after).compactMap { $0["name"] as? String } == ["p2", "p3"])
      // Upsert moves a row's vector; insert of an existing key fails that row.
      let moved = try await server.keyed(
        .POST,
        "/v1/collections/points/rows",
        key: key,
        body: #"{"rows": [{"name": "p24", "v": [0, 1]}], "mode": "upsert"}"#
      )
      #expect(moved.json["inserted"] as? Int == 1)
      let first = try await server.keyed(.POST, "/v1/collections/points/search", key: key, body: search)
      #expect(Self.rows(first).first?["name"] as? String == "p24")
      let duplicate = try await server.keyed(
        .POST,
        "/v1/collections/points/rows",
        key: key,
        body: #"{"rows": [{"name": "p5", "v": [0, 1]}]}"#
      )
      #expect(duplicate.json["inserted"] as? Int == 0 && (duplicate.json["errors"] as? [Any])?.count == 1)
    }
  }

  @Test func aKeyWithSeveralProjectsNamesOne() async throws {
    try await TestServer.run { server in
      let (_, other) = try await server.key()
      let (key, project) = try await server.key(alsoOn: [other.id])
      let unnamed = try await server.keyed(.POST, "/v1/collections", key: key, body: Self.points)
      #expect(unnamed.status == 400 && unnamed.errorMessage?.contains("project_id") == true)
      let named = try await server.keyed(.POST, "/v1/collections?project_id=\(other.id)", key: key, body: Self.points)
      #expect(named.status == 201)
      let elsewhere = try await server.keyed(.GET, "/v1/collections/points?project_id=\(project.id)", key: key)
      #expect(elsewhere.status == 404)
    }
  }
}
