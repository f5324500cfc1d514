/// Where a trained identity is in its life.
public enum PortraitModelState: String, Sendable, Codable {
  /// Its training job has not finished; portraits cannot be made from it yet.
  case training
  case ready
  case failed
}
