import Foundation
import GRDB

extension Job: FetchableRecord {
  public init(row: Row) throws {
    let stateValue: Int = row["state"]
    guard let state = JobState(rawValue: stateValue) else {
      throw DatabaseError(message: "job \(row["id"] as Int64) has unknown state \(stateValue)")
    }
    self.init(
      id: row["id"],
      appID: row["app_id"],
      batchID: row["batch_id"],
      kind: row["kind"],
      action: row["action"],
      object: row["object"],
      request: row["request"],
      state: state,
      message: row["message"],
      progress: row["progress"],
      result: row["result"],
      attempts: row["attempts"],
      createdAt: row["created_at"],
      runAfter: row["run_after"],
      startedAt: row["started_at"],
      finishedAt: row["finished_at"],
      leaseOwner: row["lease_owner"],
      leaseExpiresAt: row["lease_expires_at"]
    )
  }
}
