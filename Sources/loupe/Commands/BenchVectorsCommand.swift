import ArgumentParser
import Foundation
import LoupeRuntime
import LoupeVectors

/// Vector search: Loupe's exact f32 scan, int8 scan + f32 re-rank and HNSW against Python's
/// hnswlib and faiss-cpu (IndexFlatIP, IndexHNSWFlat), on the same vectors and queries in one
/// run (Benchmarks/vectors_reference.py reads the files this command writes). Cosine metric; one
/// query at a time on one thread everywhere; builds on `--threads` threads.
struct BenchVectorsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vectors",
    abstract: "Vector index build time, memory, p50/p99 latency and recall@k vs hnswlib and faiss."
  )

  @Option(help: "Set sizes, comma separated.") var sizes = "100000,1000000"
  @Option(help: "Data kinds, comma separated: random, clustered.") var data = "random,clustered"
  @Option(help: "Vector dimension.") var dimension = 512
  @Option(help: "Queries per index (drawn like the data, never stored).") var queries = 1_000
  @Option(help: "Queries timed on the exact scans (each reads the whole set).") var scanQueries = 200
  @Option(help: "Results per query (recall@k).") var k = 10
  @Option(help: "HNSW links per node (M).") var m = HNSWParameters().m
  @Option(help: "HNSW efConstruction.") var efConstruction = HNSWParameters().efConstruction
  @Option(help: "HNSW efSearch values, comma separated (one row each, one build).") var efSearch = "64,128,256"
  @Option(help: "Threads for building indexes and the exact ground truth.") var threads = ProcessInfo.processInfo
    .activeProcessorCount
  @Flag(help: "Skip the Python hnswlib and faiss references.") var skipReference = false

  func validate() throws {
    guard parsedSizes.allSatisfy({ $0 > k }), !parsedSizes.isEmpty else {
      throw ValidationError("--sizes must list set sizes larger than --k")
    }
    guard parsedKinds.count == data.split(separator: ",").count, !parsedKinds.isEmpty else {
      throw ValidationError("--data takes random and/or clustered")
    }
    guard !parsedEFs.isEmpty, parsedEFs.allSatisfy({ $0 > 0 }) else {
      throw ValidationError("--ef-search takes positive integers")
    }
    guard queries > 0, scanQueries > 0, k > 0, dimension > 0 else {
      throw ValidationError("--queries, --scan-queries, --k and --dimension must be positive")
    }
  }

  private var parsedSizes: [Int] { sizes.split(separator: ",").compactMap { Int($0) } }
  private var parsedEFs: [Int] { efSearch.split(separator: ",").compactMap { Int($0) } }
  private var parsedKinds: [SyntheticVectors.Kind] {
    data.split(separator: ",").compactMap { SyntheticVectors.Kind(rawValue: String($0)) }
  }

  func run() async throws {
    #if DEBUG
      print("warning: debug build; use ./scripts/run bench vectors (release) for real figures")
    #endif
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-bench-vectors-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    print(
      "vectors: \(dimension)-d cosine, \(queries) queries (\(scanQueries) on exact scans), recall@\(k) vs exact; "
        + "HNSW M=\(m) efConstruction=\(efConstruction) efSearch \(efSearch); builds on \(threads) threads, "
        + "queries one at a time on one thread"
    )
    for kind in parsedKinds {
      for size in parsedSizes {
        let start = ContinuousClock.now
        try runOne(kind: kind, size: size, folder: folder)
        print("(\(kind.rawValue) \(size): whole run \(format(seconds(ContinuousClock.now - start), 0)) s)\n")
        // Into a file or pipe stdout is fully buffered; a 1M run takes most of an hour, and each
        // table should be readable as soon as it is measured.
        fflush(nil)
      }
    }
  }

  private func runOne(kind: SyntheticVectors.Kind, size: Int, folder: URL) throws {
    var generator = SyntheticVectors(kind: kind, dimension: dimension, clusters: size / 1_000, seed: 42)
    let vectors = generator.make(size)
    let queryRows = generator.make(queries)
    let queryVectors = (0..<queries).map { Array(queryRows[$0 * dimension..<($0 + 1) * dimension]) }
    var rows: [Row] = []

    // Exact f32: the ground truth for every query (on all threads), then the timed scans.
    var exact: ExactVectorIndex? = ExactVectorIndex(dimension: dimension, metric: .cosine)
    rows.append(
      try measureBuild(name: "Loupe exact f32 scan") { try exact!.upsert(contentsOf: pairs(vectors)) }
    )
    let truth = try groundTruth(exact!, queries: queryVectors)
    rows[rows.count - 1].timing = try timeSearches(exact!, queries: Array(queryVectors.prefix(scanQueries)), truth)
    exact = nil

    var quantized: QuantizedVectorIndex? = QuantizedVectorIndex(dimension: dimension, metric: .cosine)
    rows.append(
      try measureBuild(name: "Loupe int8 scan + f32 re-rank") {
        try quantized!.upsert(contentsOf: pairs(vectors))
      }
    )
    rows[rows.count - 1].timing = try timeSearches(
      quantized!,
      queries: Array(queryVectors.prefix(scanQueries)),
      truth
    )
    quantized = nil

    let parameters = HNSWParameters(m: m, efConstruction: efConstruction, buildThreads: threads)
    var graph: HNSWVectorIndex? = try HNSWVectorIndex(
      dimension: dimension,
      metric: .cosine,
      parameters: parameters,
      capacity: size
    )
    let build = try measureBuild(name: "") { try graph!.upsert(contentsOf: pairs(vectors)) }
    for (number, ef) in parsedEFs.enumerated() {
      var row = build
      row.name = "Loupe HNSW (M=\(m), efC=\(efConstruction), ef=\(ef))"
      // One build serves every ef; its cost is shown once.
      if number > 0 { (row.buildSeconds, row.residentMegabytes) = (.nan, .nan) }
      row.timing = try timeSearches(queries: queryVectors, truth) {
        try graph!.search($0, limit: k, allowing: nil, ef: ef)
      }
      rows.append(row)
    }
    graph = nil

    if !skipReference {
      rows += try runReference(vectors: vectors, queries: queryRows, truth: truth, folder: folder)
    }
    print("\(kind.rawValue), \(size) vectors:")
    printTable(
      header: ["index", "build s", "RSS Δ MB", "p50 ms", "p99 ms", "recall@\(k)", "queries"],
      rows: rows.map { row in
        [
          row.name, format(row.buildSeconds, 1), format(row.residentMegabytes, 0),
          format(row.timing.p50, 3), format(row.timing.p99, 3), format(row.timing.recall, 4), "\(row.timing.queries)",
        ]
      }
    )
  }

  private struct Timing {
    var p50 = Double.nan
    var p99 = Double.nan
    var recall = Double.nan
    var queries = 0
  }

  private struct Row {
    var name: String
    var buildSeconds: Double
    var residentMegabytes: Double
    var timing = Timing()
  }

  /// Ids 0..<n with their rows, materialised one at a time.
  private func pairs(_ values: [Float]) -> some Sequence<(Int64, [Float])> {
    let dimension = dimension
    return (0..<values.count / dimension).lazy.map { row in
      (Int64(row), Array(values[row * dimension..<(row + 1) * dimension]))
    }
  }

  private func measureBuild(name: String, build: () throws -> Void) throws -> Row {
    let before = ResidentMemory.megabytes() ?? .nan
    let start = ContinuousClock.now
    try build()
    let elapsed = seconds(ContinuousClock.now - start)
    return Row(name: name, buildSeconds: elapsed, residentMegabytes: (ResidentMemory.megabytes() ?? .nan) - before)
  }

  /// The exact top-k ids of every query, spread over `threads` threads.
  private func groundTruth(_ index: ExactVectorIndex, queries: [[Float]]) throws -> [[Int64]] {
    // Each query's slot is written by exactly one worker, and read after they have all joined.
    nonisolated(unsafe) let results = UnsafeMutableBufferPointer<[Int64]>.allocate(capacity: queries.count)
    results.initialize(repeating: [])
    defer { results.deallocate() }
    let failures = FailureFlag()
    let workers = max(threads, 1)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for query in stride(from: worker, to: queries.count, by: workers) {
        guard let found = try? index.search(queries[query], limit: k) else {
          failures.set()
          continue
        }
        results[query] = found.map(\.id)
      }
    }
    if failures.isSet { throw CLIError("exact ground truth failed") }
    return Array(results)
  }

  private func timeSearches(_ index: any VectorIndex, queries: [[Float]], _ truth: [[Int64]]) throws -> Timing {
    try timeSearches(queries: queries, truth) { try index.search($0, limit: k) }
  }

  private func timeSearches(
    queries: [[Float]],
    _ truth: [[Int64]],
    search: ([Float]) throws -> [VectorMatch]
  ) throws -> Timing {
    var latencies: [Double] = []
    var hits = 0
    for (number, query) in queries.enumerated() {
      let start = ContinuousClock.now
      let found = try search(query)
      latencies.append(seconds(ContinuousClock.now - start) * 1000)
      let expected = Set(truth[number])
      hits += found.count { expected.contains($0.id) }
    }
    return Timing(
      p50: latencies.percentile(0.5),
      p99: latencies.percentile(0.99),
      recall: Double(hits) / Double(queries.count * k),
      queries: queries.count
    )
  }

  private func runReference(vectors: [Float], queries: [Float], truth: [[Int64]], folder: URL) throws -> [Row] {
    let dependencies = try DependenciesDirectory.required()
    let vectorsURL = folder.appendingPathComponent("vectors.f32")
    let queriesURL = folder.appendingPathComponent("queries.f32")
    let truthURL = folder.appendingPathComponent("truth.i64")
    try vectors.withUnsafeBytes { try Data($0).write(to: vectorsURL) }
    try queries.withUnsafeBytes { try Data($0).write(to: queriesURL) }
    try truth.flatMap { $0 + Array(repeating: -1, count: k - $0.count) }.withUnsafeBytes {
      try Data($0).write(to: truthURL)
    }
    defer { for url in [vectorsURL, queriesURL, truthURL] { try? FileManager.default.removeItem(at: url) } }
    let report = try ReferenceScript(path: "Benchmarks/vectors_reference.py").run(
      [
        "--vectors", vectorsURL.path, "--queries", queriesURL.path, "--truth", truthURL.path,
        "--dimension", "\(dimension)", "--k", "\(k)", "--m", "\(m)", "--ef-construction", "\(efConstruction)",
        "--ef-search", efSearch, "--threads", "\(threads)", "--scan-queries", "\(scanQueries)",
      ],
      dependencies: dependencies
    )
    struct Report: Decodable {
      struct Line: Decodable {
        var index: String
        var build_s: Double?
        var rss_mb: Double?
        var p50_ms: Double
        var p99_ms: Double
        var recall: Double
        var queries: Int
      }
      var versions: [String: String]
      var rows: [Line]
    }
    let decoded = try JSONDecoder().decode(Report.self, from: report)
    let versions = decoded.versions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
    return decoded.rows.map { line in
      Row(
        name: "python \(line.index)",
        buildSeconds: line.build_s ?? .nan,
        residentMegabytes: line.rss_mb ?? .nan,
        timing: Timing(p50: line.p50_ms, p99: line.p99_ms, recall: line.recall, queries: line.queries)
      )
    } + [Row(name: "(\(versions.joined(separator: ", ")))", buildSeconds: .nan, residentMegabytes: .nan)]
  }

  private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  private func format(_ value: Double, _ digits: Int) -> String {
    value.isNaN ? "" : String(format: "%.\(digits)f", value)
  }

  private func printTable(header: [String], rows: [[String]]) {
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    for row in [header] + rows {
      print(
        row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
      )
    }
  }
}

/// Set once by any worker that fails.
private final class FailureFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var failed = false

  func set() { lock.withLock { failed = true } }
  var isSet: Bool { lock.withLock { failed } }
}
