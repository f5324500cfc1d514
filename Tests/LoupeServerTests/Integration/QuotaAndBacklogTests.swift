import Foundation
import LoupeJobs
import LoupeServices
import LoupeStore
import LoupeTestSupport
import Testing

/// What an app may queue, through the router: its daily quota counts jobs, its unfinished jobs
/// are capped, and a refused submission stores nothing. The job workers do not run, so what is
/// queued stays queued.
@Suite(.offCooperativePool) struct QuotaAndBacklogTests {
  static func batch(_ count: Int) -> String {
    let videos = (0..<count).map { #"{"url":"https://example.org/\#($0).mp4","title":""}"# }
    return #"{"action":"VideoQA","model_name":"","videos":[\#(videos.joined(separator: ","))]}"#
  }

  static let single = #"{"action":"VideoQA","video_url":"https://example.org/v.mp4"}"#

  static func storedJobs(_ server: TestServer) async throws -> Int {
    try await SQLiteJobQueue(database: server.database).recent(limit: 10_000).count
  }

  @Test func theDailyQuotaCountsJobsAndRefusesABatchItCannotCoverWhole() async throws {
    try await TestServer.run(dailyQuota: 10, runsJobs: false) { server in
      let tooBig = try await server.request(.POST, "/api/v1/batch_videos", body: Self.batch(100))
      #expect(tooBig.status == 400 && tooBig.code == "EXCEEDED_QUOTA_ERROR" && tooBig.message == "exceeded quota")
      #expect(try await Self.storedJobs(server) == 0)

      let nine = try await server.request(.POST, "/api/v1/batch_videos", body: Self.batch(9))
      #expect(nine.status == 200 && nine.data?["batch_id"] is Int, "\(nine.text)")
      let one = try await server.request(.POST, "/api/v1/videos", body: Self.single)
      let jobID = try #require(one.data?["job_id"] as? Int, "\(one.text)")
      let eleventh = try await server.request(.POST, "/api/v1/videos", body: Self.single)
      #expect(eleventh.status == 400 && eleventh.code == "EXCEEDED_QUOTA_ERROR")
      #expect(try await Self.storedJobs(server) == 10)

      // Jobs and requests spend the same units; reading a job is free, so results stay reachable.
      let image = try await server.request(.POST, "/api/v1/images", body: EdgeTests.qa("data:,x"))
      #expect(image.status == 400 && image.code == "EXCEEDED_QUOTA_ERROR")
      let poll = try await server.request(.POST, "/api/v1/async_jobs/\(jobID)", body: "{}")
      #expect(poll.status == 200 && poll.code == "OK", "\(poll.text)")
      #expect(try await AppRepository(database: server.database).usage(appID: server.app.id) == 10)
    }
  }

  @Test func anAppOverItsUnfinishedJobLimitIsRefusedWith429() async throws {
    try await TestServer.run(configure: { $0.admission.maxUnfinishedPerApp = 3 }, runsJobs: false) { server in
      #expect(try await server.request(.POST, "/api/v1/batch_videos", body: Self.batch(2)).status == 200)
      let refused = try await server.request(.POST, "/api/v1/batch_videos", body: Self.batch(2))
      #expect(refused.status == 429 && refused.code == "TOO_MANY_JOBS_ERROR", "\(refused.text)")
      #expect(
        refused.message
          == "too many unfinished jobs: the app has 2 queued or running, and 2 more would exceed its limit of 3; "
          + "retry when some have finished"
      )
      #expect(refused.header("X-Request-Id") == refused.json["request_id"] as? String)
      #expect(try await server.request(.POST, "/api/v1/videos", body: Self.single).status == 200)
      #expect(try await server.request(.POST, "/api/v1/videos", body: Self.single).status == 429)
      #expect(try await Self.storedJobs(server) == 3)
      // The limit is per app: another app still gets its jobs in.
      let other = try await AppRepository(database: server.database).create(name: "other")
      let theirs = try await server.request(
        .POST,
        "/api/v1/batch_videos",
        body: Self.batch(3),
        appID: other.id,
        token: other.token
      )
      #expect(theirs.status == 200, "\(theirs.text)")
      #expect(try await Self.storedJobs(server) == 6)
    }
  }
}
