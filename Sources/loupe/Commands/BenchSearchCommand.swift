import ArgumentParser
import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeServices
import LoupeStore
import LoupeVectors

/// Clip search at library scale: a project of `--clips` clips with synthetic clustered vectors
/// (512-d semantic, 1280-d visual; seeded, the same every run), searched end to end through the
/// application's `LibraryActions.search` by text (the live text encoder included) and by a
/// reference image (its stored visual vector), then the vector part alone: Loupe's exact scan
/// against an HNSW graph on the same data, with the graph's recall@10 against the scan.
struct BenchSearchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Clip search latency on a 100k-clip project: end to end, exact scan vs HNSW, recall."
  )

  @Option(help: "Clips in the project.") var clips = 100_000
  @Option(help: "Videos they belong to.") var videos = 100
  @Option(help: "Timed queries per kind.") var queries = 200

  func run() async throws {
    #if DEBUG
      print("warning: debug build; use ./scripts/run bench search (release) for real figures")
    #endif
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try LoupeDatabase(directory: directory)
    let project = try await LibraryRepository(database: database).createProject(name: "bench")
    let media = LibraryMediaRepository(database: database)

    print("project: \(clips) clips in \(videos) videos, clustered synthetic vectors (1,000 clips per cluster)")
    var semantic = SyntheticVectors(kind: .clustered, dimension: 512, clusters: max(1, clips / 1000), seed: 1)
    var visual = SyntheticVectors(kind: .clustered, dimension: 1280, clusters: max(1, clips / 1000), seed: 2)
    let perVideo = (clips + videos - 1) / videos
    let started = ContinuousClock.now
    var made = 0
    func storeVideo(number: Int, count: Int) async throws {
      let key = "\(project.id)/videos/\(number)/bench.mp4"
      try await media.record(
        LibraryUpload(
          objectKey: key,
          projectID: project.id,
          kind: .video,
          fileName: "bench.mp4",
          contentType: "video/mp4",
          size: 1,
          createdAt: Date()
        )
      )
      let video = LibraryVideo(
        id: UUID().uuidString.lowercased(),
        projectID: project.id,
        name: "Episode \(number + 1)",
        season: 1,
        episode: number + 1,
        objectKey: key,
        fileName: "bench.mp4",
        contentType: "video/mp4",
        fileSize: 1,
        status: .processing,
        createdAt: Date()
      )
      try await media.register(video)
      let semanticRows = semantic.make(count), visualRows = visual.make(count)
      let rows = (0..<count).map { index in
        LibraryClip(
          videoID: video.id,
          projectID: project.id,
          index: index,
          startTime: Double(index) * 4,
          endTime: Double(index + 1) * 4,
          // Every 100th line is the one the subtitle queries look for.
          subtitle: index % 100 == 0 ? "ありがとう、また明日 (\(number)-\(index))" : "line \(number)-\(index): see you",
          aiTags: #"{"blank":false,"labels":[]}"#,
          semantic: Array(semanticRows[index * 512..<(index + 1) * 512]),
          visual: Array(visualRows[index * 1280..<(index + 1) * 1280]),
          createdAt: Date()
        )
      }
      _ = try await media.complete(videoID: video.id, clips: rows)
    }
    for number in 0..<videos where made < clips {
      let count = min(perVideo, clips - made)
      try await storeVideo(number: number, count: count)
      made += count
    }
    print(String(format: "stored in %.1f s", (ContinuousClock.now - started).seconds))

    // A reference image whose visual vector is a fresh point of the visual distribution.
    var probes = SyntheticVectors(kind: .clustered, dimension: 1280, clusters: max(1, clips / 1000), seed: 2)
    let probeRows = probes.make(queries)
    let imageKey = "\(project.id)/reference-images/bench/probe.jpg"
    try await media.record(
      LibraryUpload(
        objectKey: imageKey,
        projectID: project.id,
        kind: .referenceImage,
        fileName: "probe.jpg",
        contentType: "image/jpeg",
        size: 1,
        createdAt: Date()
      )
    )
    let reference = ReferenceImageRecord(
      id: UUID().uuidString.lowercased(),
      projectID: project.id,
      name: "probe",
      category: nil,
      tags: "[]",
      purpose: nil,
      license: "unknown",
      isSearchable: true,
      mimeType: "image/jpeg",
      fileSize: 1,
      objectKey: imageKey,
      createdAt: Date()
    )
    try await media.register(reference)
    try await media.setEmbedding(visual: Array(probeRows[0..<1280]), semantic: nil, ofReferenceImage: reference.id)

    let engines = try await AnalysisEngines.live(
      dependencies: try DependenciesDirectory.required(),
      options: InferenceOptions(precision: .f32, threads: ProcessInfo.processInfo.activeProcessorCount)
    )
    let services = try Services(
      configuration: ServiceConfiguration(dataDirectory: directory),
      database: database,
      engines: engines
    )
    let texts = ["a cat on a sofa", "two people arguing in the rain", "a rocket launch", "ありがとう、また明日"]
    func timed(_ body: () async throws -> Void) async throws -> Double {
      let start = ContinuousClock.now
      try await body()
      return (ContinuousClock.now - start).seconds * 1000
    }
    var textQuery = ClipSearchQuery(projectID: project.id)
    textQuery.text = texts[0]
    let cold = try await timed { _ = try await services.media.search(textQuery) }
    var textTimes: [Double] = []
    for number in 0..<queries {
      textQuery.text = texts[number % texts.count]
      textTimes.append(try await timed { _ = try await services.media.search(textQuery) })
    }
    var imageQuery = ClipSearchQuery(projectID: project.id)
    imageQuery.referenceImageIDs = [reference.id]
    var imageTimes: [Double] = []
    for _ in 0..<queries { imageTimes.append(try await timed { _ = try await services.media.search(imageQuery) }) }
    // A write moves the project's generation: the next search reloads the texts and adds only
    // the new clips' vectors to the indexes.
    try await storeVideo(number: videos, count: perVideo)
    let afterIngest = try await timed { _ = try await services.media.search(textQuery) }
    // A restarted server loads the graphs saved under the data directory and applies what
    // changed since, instead of building them again.
    let restarted = try Services(
      configuration: ServiceConfiguration(dataDirectory: directory),
      database: database,
      engines: engines
    )
    let afterRestart = try await timed { _ = try await restarted.media.search(textQuery) }
    var exactQuery = ClipSearchQuery(projectID: project.id)
    exactQuery.mode = .subtitle
    exactQuery.subtitleExactMatch = true
    exactQuery.text = "明日"
    var fuzzyQuery = exactQuery
    fuzzyQuery.subtitleExactMatch = false
    fuzzyQuery.text = "ありがと また明日"
    var exactTimes: [Double] = [], fuzzyTimes: [Double] = []
    for _ in 0..<queries {
      exactTimes.append(try await timed { _ = try await restarted.media.search(exactQuery) })
      fuzzyTimes.append(try await timed { _ = try await restarted.media.search(fuzzyQuery) })
    }
    var encodeTimes: [Double] = []
    for number in 0..<queries {
      encodeTimes.append(try await timed { _ = try await engines.clips!.embed(query: texts[number % texts.count]) })
    }
    print(String(format: "\nfirst search (loads the project snapshot, builds the indexes): %.0f ms", cold))
    print(String(format: "first search after a video of %d more clips was stored: %.0f ms", perVideo, afterIngest))
    print(String(format: "first search of a restarted server (saved graphs loaded): %.0f ms", afterRestart))
    print("end to end through LibraryActions.search, page of 20, one query at a time:")
    printTable(
      header: ["query", "p50", "p99"],
      rows: [
        ["text query", fmt(textTimes.median), fmt(textTimes.percentile(0.99))],
        ["  of which text encoding", fmt(encodeTimes.median), fmt(encodeTimes.percentile(0.99))],
        ["reference-image query", fmt(imageTimes.median), fmt(imageTimes.percentile(0.99))],
        ["subtitle, exact \"明日\"", fmt(exactTimes.median), fmt(exactTimes.percentile(0.99))],
        ["subtitle, fuzzy \"ありがと また明日\"", fmt(fuzzyTimes.median), fmt(fuzzyTimes.percentile(0.99))],
      ]
    )

    print("\nvector part alone, top 10, \(queries) queries:")
    var rows: [[String]] = []
    for (name, dimension, data, probeData) in [
      (
        "semantic 512-d", 512, semantic,
        SyntheticVectors(kind: .clustered, dimension: 512, clusters: max(1, clips / 1000), seed: 1)
      ),
      ("visual 1280-d", 1280, visual, probes),
    ] as [(String, Int, SyntheticVectors, SyntheticVectors)] {
      _ = data
      var source = probeData
      let stored = source.make(clips)
      let questions = source.make(queries)
      let exact = ExactVectorIndex(dimension: dimension, metric: .cosine)
      let pairs = (0..<clips).map { (Int64($0), Array(stored[$0 * dimension..<($0 + 1) * dimension])) }
      try exact.upsert(contentsOf: pairs)
      let buildStart = ContinuousClock.now
      let graph = try HNSWVectorIndex(dimension: dimension, metric: .cosine, capacity: clips)
      try graph.upsert(contentsOf: pairs)
      let build = (ContinuousClock.now - buildStart).seconds
      var exactTimes: [Double] = [], graphTimes: [Double] = []
      var hits = 0
      for number in 0..<queries {
        let query = Array(questions[number * dimension..<(number + 1) * dimension])
        var truth: [VectorMatch] = [], found: [VectorMatch] = []
        exactTimes.append(try await timed { truth = try exact.search(query, limit: 10) })
        graphTimes.append(try await timed { found = try graph.search(query, limit: 10) })
        hits += Set(truth.map(\.id)).intersection(found.map(\.id)).count
      }
      rows.append(["\(name) exact scan", fmt(exactTimes.median), fmt(exactTimes.percentile(0.99)), "1.000", "—"])
      rows.append([
        "\(name) HNSW (M 16, ef 128)", fmt(graphTimes.median), fmt(graphTimes.percentile(0.99)),
        String(format: "%.3f", Double(hits) / Double(queries * 10)), String(format: "%.0f s", build),
      ])
    }
    printTable(header: ["index", "p50", "p99", "recall@10", "build"], rows: rows)
  }

  private func fmt(_ milliseconds: Double) -> String { String(format: "%.2f ms", milliseconds) }
}
