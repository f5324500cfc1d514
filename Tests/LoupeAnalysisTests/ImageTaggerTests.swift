import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

@testable import LoupeAnalysis

/// The live classifier, detector and text encoder on real photos: tags name what the photo shows,
/// and the ConSE embedding puts each photo nearest to a text query about it, in either language.
@Suite(.serialized, .offCooperativePool) struct ImageTaggerTests {
  static let tagger = Task(executorPreference: OffCooperativePoolTrait.executor) {
    try await ImageTagger.live(
      dependencies: QualityFixtures.dependencies,
      options: InferenceOptions(precision: .f32, threads: 2)
    )
  }

  static let photos = ["chelsea", "coffee", "motorcycle_left", "astronaut"]

  static func taggings() async throws -> [String: ImageTagging] {
    let tagger = try await tagger.value
    var result: [String: ImageTagging] = [:]
    for name in photos {
      result[name] = try await tagger.tag(QualityFixtures.photo("skimage/data/\(name).png"))
    }
    return result
  }

  /// Each photo's tags named in `language`.
  static func names(in language: Language) async throws -> [String: [NamedTag]] {
    let tagger = try await tagger.value
    return try await taggings().mapValues { tagger.named($0.tags, in: language) }
  }

  @Test func topTagsNameWhatThePhotoShows() async throws {
    let english = try await Self.names(in: .english)
    let expected: [String: [String]] = [
      "chelsea": ["cat"], "coffee": ["coffee", "cup", "espresso"],
      "motorcycle_left": ["motorcycle", "scooter", "moped"],
      "astronaut": ["person", "face"],
    ]
    for (photo, words) in expected {
      let top = english[photo]!.prefix(5).map { $0.name.lowercased() }
      #expect(top.contains { name in words.contains { name.contains($0) } }, "\(photo): \(top)")
      let scores = english[photo]!.map(\.score)
      #expect(scores == scores.sorted(by: >))
    }
    let chinese = try await Self.names(in: .chinese)
    #expect(chinese["chelsea"]!.prefix(3).contains { $0.name.contains("猫") })
    #expect(chinese["motorcycle_left"]!.prefix(3).contains { $0.name.contains("摩托") })
  }

  @Test func textQueriesRankTheirPhotoFirst() async throws {
    let taggings = try await Self.taggings()
    let encoder = try await Self.tagger.value.encoder
    let queries = ["a cat": "chelsea", "一杯咖啡": "coffee", "摩托车": "motorcycle_left", "an astronaut": "astronaut"]
    for (query, photo) in queries {
      let text = try await encoder.embed(query)
      let ranked = Self.photos.sorted { lhs, rhs in
        taggings[lhs]!.embedding!.cosine(with: text) > taggings[rhs]!.embedding!.cosine(with: text)
      }
      #expect(ranked.first == photo, "\(query): \(ranked)")
    }
    for tagging in taggings.values {
      let length = tagging.embedding!.reduce(0) { $0 + $1 * $1 }.squareRoot()
      #expect(tagging.embedding!.count == 512 && abs(length - 1) < 1e-4)
      #expect(tagging.labelScores.count == 1090)
    }
  }
}
