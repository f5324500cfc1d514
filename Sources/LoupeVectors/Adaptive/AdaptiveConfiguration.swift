/// When `AdaptiveVectorIndex` scans and when it walks a graph.
public struct AdaptiveConfiguration: Sendable, Equatable {
  /// How the small sets are scanned.
  public enum ScanPrecision: Sendable, Equatable {
    /// Exact f32 distances: full recall.
    case float32
    /// int8 codes with an f32 re-rank of the shortlist: a quarter of the memory traffic.
    case int8
  }

  /// Above this many vectors the index moves to HNSW. At 20,000 × 512 an f32 scan reads 40 MB,
  /// about 3 ms on one core here, while the graph answers in a fraction of a millisecond and
  /// takes about a second to build; below it, a scan is exact and costs nothing to maintain.
  public var graphThreshold: Int
  /// Below this many vectors a graph index moves back to a scan. Lower than `graphThreshold`
  /// so that a set hovering around the threshold does not rebuild on every write.
  public var scanThreshold: Int
  public var scanPrecision: ScanPrecision
  public var hnsw: HNSWParameters

  public init(
    graphThreshold: Int = 20_000,
    scanThreshold: Int = 10_000,
    scanPrecision: ScanPrecision = .float32,
    hnsw: HNSWParameters = .init()
  ) {
    precondition(scanThreshold < graphThreshold, "the scan threshold sits below the graph threshold")
    self.graphThreshold = graphThreshold
    self.scanThreshold = scanThreshold
    self.scanPrecision = scanPrecision
    self.hnsw = hnsw
  }
}
