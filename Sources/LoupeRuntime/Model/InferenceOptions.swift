/// Numeric precision OpenVINO runs a model at. Always set explicitly: the CPU plugin would
/// otherwise pick bf16 on CPUs that have it, and results would drift from the reference.
public enum Precision: String, Sendable, CaseIterable {
  /// Matches onnxruntime to about 1e-6.
  case f32
  /// About twice as fast on CPUs with AVX512_BF16 or AMX; about 1e-3 off.
  case bf16

  /// Whether this CPU runs the precision as asked. OpenVINO's CPU plugin runs bf16 only where it
  /// lists `BF16` among the CPU's optimisation capabilities (AVX512_BF16 or AMX); elsewhere it
  /// silently runs f32, and the compiled model reports f32.
  public var runsNatively: Bool {
    switch self {
    case .f32: true
    case .bf16: Self.cpuCapabilities.split(separator: " ").contains("BF16")
    }
  }

  /// What OpenVINO runs when asked for this precision on this CPU.
  public var effective: Precision { runsNatively ? self : .f32 }

  private static let cpuCapabilities =
    (try? OpenVINOCore.shared().property(device: "CPU", key: "OPTIMIZATION_CAPABILITIES")) ?? ""
}

/// How a model is compiled and how many callers it serves at once.
public struct InferenceOptions: Sendable, Hashable {
  public var precision: Precision
  /// Threads one inference may use; `nil` lets OpenVINO use every core.
  public var threads: Int?
  /// Infer requests kept ready; concurrent callers beyond this wait for a free one.
  public var concurrentRequests: Int

  public init(precision: Precision = .f32, threads: Int? = nil, concurrentRequests: Int = 2) {
    self.precision = precision
    self.threads = threads
    self.concurrentRequests = max(1, concurrentRequests)
  }
}
