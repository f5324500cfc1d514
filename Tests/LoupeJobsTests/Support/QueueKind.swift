import Foundation
import LoupeJobs
import LoupeStore
import Testing

/// The queue implementations every contract test runs against: the live SQLite queue and the
/// in-memory test value must behave the same.
enum QueueKind: String, CaseIterable, CustomTestStringConvertible {
  case sqlite
  case memory

  var testDescription: String { rawValue }

  /// A fresh queue with apps "a", "b" and "c" able to own jobs.
  func make() async throws -> (queue: any JobQueue, apps: [String]) {
    switch self {
    case .memory:
      return (InMemoryJobQueue(), ["a", "b", "c"])
    case .sqlite:
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-jobs-\(UUID().uuidString)")
      let database = try LoupeDatabase(directory: directory)
      let repository = AppRepository(database: database)
      let first = try await repository.create(name: "a")
      let second = try await repository.create(name: "b")
      let third = try await repository.create(name: "c")
      return (try SQLiteJobQueue(database: database), [first.id, second.id, third.id])
    }
  }
}

/// Whole seconds, which both queues store exactly.
let epoch = Date(timeIntervalSince1970: 1_800_000_000)

func at(_ seconds: TimeInterval) -> Date { epoch.addingTimeInterval(seconds) }

func video(_ appID: String, _ object: String = "https://example.org/v.mp4") -> NewJob {
  NewJob(appID: appID, kind: "Video", action: "VideoQA", object: object, request: #"{"video_url":"\#(object)"}"#)
}
