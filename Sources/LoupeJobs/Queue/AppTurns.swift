/// Whose turn it is: the bookkeeping behind fair claims (`JobQueue.claim`) for
/// `InMemoryJobQueue`. `SQLiteJobQueue` keeps the same in its `job_app_turn` table.
struct AppTurns {
  /// Per app: when it first submitted (its place among apps never served) and the number of the
  /// claim that last served it (0: never). Claim numbers, not times, so claims at the same
  /// instant still have an order.
  private var turns: [String: (joined: Int, served: Int)] = [:]
  private var claims = 0

  /// Gives an app its place the first time it submits a job; later calls change nothing.
  mutating func join(_ appID: String) {
    if turns[appID] == nil { turns[appID] = (joined: turns.count, served: 0) }
  }

  /// Records that the latest claim served the app.
  mutating func serve(_ appID: String) {
    join(appID)
    claims += 1
    turns[appID]?.served = claims
  }

  /// Of the `waiting` apps, the one served least recently.
  func next(among waiting: Set<String>) -> String? {
    waiting.min { left, right in
      let first = turns[left] ?? (joined: .max, served: 0)
      let second = turns[right] ?? (joined: .max, served: 0)
      return (first.served, first.joined, left) < (second.served, second.joined, right)
    }
  }
}
