import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

@testable import LoupeAnalysis

/// Text-to-image search in the semantic space on the labelled gallery: every photo's
/// `ImageTagger` embedding against every query's `TextEncoder` embedding, by cosine. The goal
/// (issue 14) is judged on the VALIDATION half, which no weight was tuned on; the tuning half is
/// printed beside it.
@Suite(.serialized, .offCooperativePool) struct SemanticSearchTests {
  static let goalRecallAt5 = 0.85
  static let goalMeanReciprocalRank = 0.75

  @Test func validationQueriesFindTheirPhotos() async throws {
    let gallery = try SemanticGallery.load()
    let tagger = try await ImageTaggerTests.tagger.value
    // 126 photos of decoding and pixel work: off the cooperative threads the rest of the suite needs.
    let embeddings = try await withTaskExecutorPreference(OffPoolExecutor(label: "semantic-search-test")) {
      var embeddings: [[Float]] = []
      for photo in gallery.photos {
        let image = try SemanticGallery.image(photo.path)
        embeddings.append(try #require(try await tagger.tag(image).embedding, "\(photo.id) has no embedding"))
      }
      return embeddings
    }
    let queryVectors = try await tagger.encoder.embed(gallery.queries.map(\.text))
    let index = Dictionary(uniqueKeysWithValues: gallery.photos.enumerated().map { ($0.element.id, $0.offset) })
    let ranks = zip(gallery.queries, queryVectors).map { query, vector in
      RetrievalScores.bestRank(
        scores: embeddings.map { $0.cosine(with: vector) },
        relevant: Set(query.relevant.map { index[$0]! })
      )
    }

    func scores(half: String, language: String? = nil) -> RetrievalScores {
      RetrievalScores(
        ranks: zip(gallery.queries, ranks)
          .filter { $0.0.half == half && (language == nil || $0.0.language == language) }
          .map(\.1)
      )
    }
    var table = ["half | language | queries | recall@5 | MRR", "---|---|---|---|---"]
    for half in ["tuning", "validation"] {
      for language in ["en", "zh", "ja", nil] {
        table.append("\(half) | \(language ?? "all") | \(scores(half: half, language: language).row)")
      }
    }
    print(table.joined(separator: "\n"))
    for (query, rank) in zip(gallery.queries, ranks) where query.half == "validation" && rank > 5 {
      print("validation miss: \(query.text) → \(query.relevant[0]) at rank \(rank)")
    }

    let validation = scores(half: "validation")
    #expect(validation.count >= 30)
    // Not met (docs/models.md, "Semantic search"): the classifier has no class for much of what
    // people search for (sheet music, a retina, an anime drawing, storm clouds). Recorded as a
    // known issue so that the numbers stay printed and the test flags it once the goal is met.
    withKnownIssue("issue 14: the validation half is below the recall@5 and MRR goal") {
      #expect(validation.recallAt5 >= Self.goalRecallAt5, "recall@5 \(validation.recallAt5)")
      #expect(validation.meanReciprocalRank >= Self.goalMeanReciprocalRank, "MRR \(validation.meanReciprocalRank)")
    }
    // Floors under today's validation figures, so a regression fails loudly.
    #expect(validation.recallAt5 >= 0.5, "recall@5 \(validation.recallAt5)")
    #expect(validation.meanReciprocalRank >= 0.45, "MRR \(validation.meanReciprocalRank)")
  }
}
