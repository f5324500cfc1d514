import Foundation
import LoupeJobs
import LoupeStore
import LoupeTestSupport
import Testing

@testable import LoupeServices

/// Jobs enter the queue through `JobAdmission`: one quota unit per job, a limit on each app's
/// unfinished jobs, every submission admitted or refused whole. Over the live SQLite store.
@Suite(.offCooperativePool) struct JobAdmissionTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-admission-\(UUID().uuidString)")

  struct Fixture {
    let database: LoupeDatabase
    let apps: AppRepository
    let app: AppRecord
    let queue: SQLiteJobQueue
    let videos: VideoSubmissions

    func batch(_ count: Int) async throws -> Int64 {
      try await videos.submitBatch(
        action: "VideoQA",
        modelName: "",
        videos: (0..<count).map { .init(videoURL: "https://example.org/\($0).mp4", title: nil) },
        configure: try Configure(nil),
        appID: app.id
      )
    }

    func single() async throws -> Job {
      try await videos.submit(
        action: "VideoQA",
        modelName: "",
        video: .init(videoURL: "https://example.org/v.mp4", title: nil),
        configure: try Configure(nil),
        appID: app.id
      )
    }

    func storedJobs() async throws -> Int {
      try await database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM job") ?? 0 }
    }

    func usage() async throws -> Int { try await apps.usage(appID: app.id) }
  }

  func make(dailyQuota: Int?, maxUnfinishedPerApp: Int = 1000) async throws -> Fixture {
    let database = try LoupeDatabase(directory: directory)
    let apps = AppRepository(database: database)
    let app = try await apps.create(name: "a", dailyQuota: dailyQuota)
    let queue = try SQLiteJobQueue(database: database)
    var configuration = JobAdmission.Configuration()
    configuration.maxUnfinishedPerApp = maxUnfinishedPerApp
    let admission = JobAdmission(queue: queue, quota: DailyQuota(apps: apps), configuration: configuration)
    return Fixture(
      database: database,
      apps: apps,
      app: app,
      queue: queue,
      videos: VideoSubmissions(admission: admission, settings: VideoSettings())
    )
  }

  @Test func everyJobCostsAUnitAndABatchTheQuotaCannotCoverIsRefusedWhole() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let fixture = try await make(dailyQuota: 10)
    await #expect(throws: ServiceError.quotaExceeded) { try await fixture.batch(100) }
    #expect(try await fixture.storedJobs() == 0)
    #expect(try await fixture.usage() == 0)
    _ = try await fixture.batch(8)
    #expect(try await fixture.usage() == 8)
    await #expect(throws: ServiceError.quotaExceeded) { try await fixture.batch(3) }
    _ = try await fixture.single()
    _ = try await fixture.single()
    await #expect(throws: ServiceError.quotaExceeded) { try await fixture.single() }
    #expect(try await fixture.storedJobs() == 10)
    #expect(try await fixture.usage() == 10)
  }

  @Test func theUnfinishedJobLimitRefusesWholeAndChargesNothing() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let fixture = try await make(dailyQuota: 100, maxUnfinishedPerApp: 3)
    await #expect(throws: ServiceError.tooManyUnfinishedJobs(unfinished: 0, submitted: 4, limit: 3)) {
      try await fixture.batch(4)
    }
    #expect(try await fixture.storedJobs() == 0)
    #expect(try await fixture.usage() == 0)
    _ = try await fixture.batch(3)
    await #expect(throws: ServiceError.tooManyUnfinishedJobs(unfinished: 3, submitted: 1, limit: 3)) {
      try await fixture.single()
    }
    #expect(try await fixture.usage() == 3, "the refused job's unit was given back")
    // A running job still counts; once it has finished, there is room again.
    let running = try #require(
      try await fixture.queue.claim(owner: "w", leaseDuration: 60, maxAttempts: 3, now: Date())
    )
    await #expect(throws: ServiceError.self) { try await fixture.single() }
    #expect(try await fixture.queue.settle(try #require(running.lease), .failed(message: "x"), now: Date()))
    _ = try await fixture.single()
    #expect(try await fixture.storedJobs() == 4)
    #expect(try await fixture.usage() == 4)
  }

  @Test func concurrentSubmissionsNeverTogetherPassTheQuotaOrTheLimit() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let fixture = try await make(dailyQuota: 12, maxUnfinishedPerApp: 9)
    let admitted = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<20 { group.addTask { (try? await fixture.batch(2)) != nil } }
      return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
    #expect(admitted == 4, "four batches of two fill the limit of 9; a fifth would take it to 10")
    #expect(try await fixture.storedJobs() == 8)
    #expect(try await fixture.usage() == 8)

    let quota = try await fixture.apps.create(name: "b", dailyQuota: 5)
    let other = Fixture(
      database: fixture.database,
      apps: fixture.apps,
      app: quota,
      queue: fixture.queue,
      videos: fixture.videos
    )
    let singles = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<20 { group.addTask { (try? await other.single()) != nil } }
      return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
    #expect(singles == 5)
    #expect(try await other.usage() == 5)
    #expect(try await fixture.storedJobs() == 13)
  }
}
