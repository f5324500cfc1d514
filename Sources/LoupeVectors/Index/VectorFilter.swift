/// Restricts a search to some ids. Filters are applied inside the search, never to its top
/// results afterwards, so a restrictive filter still gets `limit` results when enough ids pass.
public enum VectorFilter: Sendable {
  /// Exactly these ids. Small sets are scanned exactly; see each index for its limit.
  case ids(Set<Int64>)
  /// Any id for which the predicate holds. Called from the searching thread, possibly for
  /// many ids per search and from several searches at once.
  case predicate(@Sendable (Int64) -> Bool)

  /// Whether the filter lets `id` through.
  public func allows(_ id: Int64) -> Bool {
    switch self {
    case .ids(let ids): ids.contains(id)
    case .predicate(let predicate): predicate(id)
    }
  }
}
