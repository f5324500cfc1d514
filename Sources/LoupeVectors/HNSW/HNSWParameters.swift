import Foundation

/// How an HNSW graph is built and searched.
public struct HNSWParameters: Sendable, Equatable {
  /// Links per node on the upper layers (twice as many on the bottom one). 16 is hnswlib's and
  /// faiss's usual value for 512-d embeddings: higher raises recall and memory (4 × 2M bytes of
  /// links per vector on the bottom layer, 128 at 16) and slows the build.
  public var m: Int
  /// Candidates kept while linking a new vector. Higher builds a better graph, more slowly.
  public var efConstruction: Int
  /// Candidates kept while searching (at least the number of results asked for): the dial
  /// between latency and recall. 128 measured recall@10 0.995 at 100k clustered 512-d vectors
  /// and 0.91 at 1M, in about 0.3 and 0.5 ms (docs/vectors.md); 64 loses 4 and 12 points.
  public var efSearch: Int
  /// Graphs holding more than this many vectors search with twice `efSearch`: at a fixed ef,
  /// recall falls as a graph grows (128: 0.995 at 100k, 0.89 at 1M clustered), and doubling it
  /// brought 1M back to 0.954 for about 0.1 ms more (docs/vectors.md).
  public var largeGraphThreshold: Int
  /// A filter that allows at most this many ids is answered by computing their exact distances
  /// (cost proportional to the candidates, full recall) instead of a filtered graph walk, whose
  /// cost grows as the filter gets more selective.
  public var exactFilterLimit: Int
  /// Threads used to add a batch of vectors.
  public var buildThreads: Int
  /// Seed of hnswlib's level generator, so builds from the same input in the same order match.
  public var seed: Int

  public init(
    m: Int = 16,
    efConstruction: Int = 100,
    efSearch: Int = 128,
    largeGraphThreshold: Int = 250_000,
    exactFilterLimit: Int = 20_000,
    buildThreads: Int = ProcessInfo.processInfo.activeProcessorCount,
    seed: Int = 100
  ) {
    self.m = m
    self.efConstruction = efConstruction
    self.efSearch = efSearch
    self.largeGraphThreshold = largeGraphThreshold
    self.exactFilterLimit = exactFilterLimit
    self.buildThreads = buildThreads
    self.seed = seed
  }

  /// The candidate-list size a search of a graph of `count` vectors uses.
  public func ef(forCount count: Int) -> Int {
    count > largeGraphThreshold ? 2 * efSearch : efSearch
  }
}
