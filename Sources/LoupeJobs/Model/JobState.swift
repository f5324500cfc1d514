/// PAI's job states, with PAI's numbers on the wire.
public enum JobState: Int, Sendable, Codable, CaseIterable {
  case queued = 0
  case running = 1
  case succeeded = 2
  case failed = 3

  public var isFinished: Bool { self == .succeeded || self == .failed }
}
