import LoupeMedia
import LoupeTestSupport
import LoupeVision
import Testing

@testable import LoupeAnalysis

/// The live tagger, text encoder and taxonomy: titles and photos land in the class a person
/// would pick, tags merge over frames, and the embedding follows the inputs.
@Suite(.serialized, .offCooperativePool) struct VideoContentAnalyzerTests {
  static let analyzer = Task(executorPreference: OffCooperativePoolTrait.executor) {
    try await VideoContentAnalyzer.live(tagger: try await ImageTaggerTests.tagger.value)
  }

  @Test(arguments: [
    ("NBA总决赛篮球比赛精彩集锦", "体育"), ("红烧肉的家常做法，简单又好吃", "美食"), ("我家猫咪的日常", "宠物"),
    ("钢琴演奏 贝多芬月光奏鸣曲", "音乐"), ("新款手机开箱评测", "科技"), ("A walk through the old town of Kyoto", "旅游"),
    ("How to plant rice in spring", "三农"), ("Street dance battle finals", "舞蹈"),
    // Written after the taxonomy was last tuned, to see it generalise:
    ("周末自驾游去西藏", "旅游"), ("小学数学应用题讲解", "教育"), ("Makeup tutorial for beginners", "时尚"),
    ("股市今日收盘分析", "财经"), ("宝宝第一次学走路", "亲子"), ("王者荣耀五杀集锦", "游戏"),
  ])
  func titlesAloneFindTheirClass(title: String, expected: String) async throws {
    let content = try await Self.analyzer.value.analyze(ContentEvidence(texts: [WeightedText(title)]))
    let top = content.categories.prefix(2).map(\.category.chinese)
    #expect(top.contains(expected), "\(title): \(content.categories.prefix(4).map { ($0.category.chinese, $0.score) })")
    #expect(abs(content.categories.reduce(0) { $0 + $1.score } - 1) < 1e-4)
    #expect(content.tags.isEmpty)
  }

  @Test(arguments: [
    ("coffee.png", ["美食"]), ("chelsea.png", ["宠物", "动物"]), ("motorcycle_left.png", ["汽车"]),
  ])
  func framesAloneFindTheirClass(photo: String, expected: [String]) async throws {
    let frame = try InstalledPhotos.photo(photo)
    let content = try await Self.analyzer.value.analyze(ContentEvidence(frames: [frame, frame]))
    let top = content.categories.prefix(3).map(\.category.chinese)
    #expect(
      top.contains { expected.contains($0) },
      "\(photo): \(content.categories.prefix(4).map { ($0.category.chinese, $0.score) })"
    )
    #expect(content.embedding?.count == 512)
  }

  @Test func tagsMergeOverFramesAndTheEmbeddingIsTheFramesMean() async throws {
    let analyzer = try await Self.analyzer.value
    let cat = try InstalledPhotos.photo("chelsea.png")
    let coffee = try InstalledPhotos.photo("coffee.png")
    let content = try await analyzer.analyze(ContentEvidence(frames: [cat, cat, coffee]))
    let names = analyzer.tagger.named(content.tags, in: .english).prefix(6).map { $0.name.lowercased() }
    #expect(names.contains { $0.contains("cat") }, "\(names)")
    #expect(names.contains { $0.contains("espresso") || $0.contains("cup") || $0.contains("coffee") }, "\(names)")
    #expect(content.tags.map(\.score) == content.tags.map(\.score).sorted(by: >))

    let catOnly = try await analyzer.analyze(ContentEvidence(frames: [cat]))
    let coffeeOnly = try await analyzer.analyze(ContentEvidence(frames: [coffee]))
    let mixed = try #require(content.embedding)
    func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
    #expect(abs(cosine(mixed, mixed) - 1) < 1e-4)
    #expect(cosine(mixed, try #require(catOnly.embedding)) > cosine(mixed, try #require(coffeeOnly.embedding)))
  }

  @Test func multimodalTextMovesTheEmbeddingAndTheClass() async throws {
    let analyzer = try await Self.analyzer.value
    let cat = try InstalledPhotos.photo("chelsea.png")
    let text = WeightedText("周末去海边旅行，沙滩和日落太美了")
    let imageOnly = try await analyzer.analyze(ContentEvidence(images: [cat]))
    let fused = try await analyzer.analyze(ContentEvidence(images: [cat], texts: [text], textInEmbedding: true))
    let titled = try await analyzer.analyze(ContentEvidence(images: [cat], texts: [text], textInEmbedding: false))
    #expect(titled.embedding == imageOnly.embedding)
    #expect(fused.embedding != imageOnly.embedding)
    let travel = { (content: VideoContent) in content.categories.first { $0.category.chinese == "旅游" }?.score ?? 0 }
    #expect(travel(fused) > travel(imageOnly))
  }

  @Test func nothingToGoOnGivesNothing() async throws {
    let content = try await Self.analyzer.value.analyze(ContentEvidence(texts: [WeightedText("  ")]))
    #expect(content.categories.isEmpty && content.tags.isEmpty && content.embedding == nil)
  }

  @Test func evenSpacingKeepsTheEnds() {
    #expect(VideoContentAnalyzer.evenlySpaced(Array(0..<10), count: 4) == [0, 3, 6, 9])
    #expect(VideoContentAnalyzer.evenlySpaced(Array(0..<3), count: 4) == [0, 1, 2])
    #expect(VideoContentAnalyzer.evenlySpaced(Array(0..<5), count: 1) == [2])
  }
}

enum InstalledPhotos {
  static func photo(_ name: String) throws -> PixelBuffer {
    try QualityFixtures.photo("skimage/data/\(name)")
  }
}
