/// One search result: a stored id and its distance to the query under the index's metric.
public struct VectorMatch: Sendable, Equatable, Hashable {
  public let id: Int64
  public let distance: Float

  public init(id: Int64, distance: Float) {
    self.id = id
    self.distance = distance
  }

  /// Best first: the smaller distance, and on equal distances the smaller id, so results are
  /// deterministic whatever order the index visited them in.
  func precedes(_ other: VectorMatch) -> Bool {
    distance < other.distance || (distance == other.distance && id < other.id)
  }
}
