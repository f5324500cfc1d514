import LoupeRuntime
import LoupeVision

/// Silero VAD v6 (16 kHz): the probability that each 32 ms window (512 samples) holds speech.
///
/// The model is recurrent: each window is fed with the 64 samples before it and the state the
/// previous window left, so a stream is read in order (`VoiceActivityStream`). The export used is
/// the package's OpenVINO-friendly one (`silero_vad_openvino_16k.onnx`, no sample-rate branch).
public struct VoiceActivityDetector: Sendable {
  public static let windowSamples = 512
  static let contextSamples = 64
  let model: InferenceModel

  public init(model: InferenceModel) {
    self.model = model
  }

  public static func live(
    dependencies: DependenciesDirectory,
    options: InferenceOptions = InferenceOptions(threads: 1, concurrentRequests: 1)
  ) throws -> VoiceActivityDetector {
    VoiceActivityDetector(model: try dependencies.model(ModelCatalog.sileroVAD, options: options))
  }

  public func stream() -> VoiceActivityStream {
    VoiceActivityStream(detector: self)
  }

  /// Speech probabilities of every window of `samples` (the last one padded with silence).
  public func probabilities(of samples: [Float]) async throws -> [Float] {
    let stream = stream()
    return try await stream.feed(samples) + stream.finish()
  }
}

/// One audio stream through the detector: samples go in in any chunk sizes, one probability per
/// 512-sample window comes out.
public final class VoiceActivityStream {
  private let detector: VoiceActivityDetector
  private var state = [Float](repeating: 0, count: 2 * 128)
  private var context = [Float](repeating: 0, count: VoiceActivityDetector.contextSamples)
  private var leftover: [Float] = []

  init(detector: VoiceActivityDetector) {
    self.detector = detector
  }

  public func feed(_ samples: [Float]) async throws -> [Float] {
    leftover += samples
    let size = VoiceActivityDetector.windowSamples
    var probabilities: [Float] = []
    var start = 0
    while leftover.count - start >= size {
      probabilities.append(try await window(Array(leftover[start..<(start + size)])))
      start += size
    }
    leftover.removeFirst(start)
    return probabilities
  }

  /// The last, partial window padded with silence (none if the stream ended on a boundary).
  public func finish() async throws -> [Float] {
    guard !leftover.isEmpty else { return [] }
    let padded = leftover + [Float](repeating: 0, count: VoiceActivityDetector.windowSamples - leftover.count)
    leftover = []
    return [try await window(padded)]
  }

  private func window(_ samples: [Float]) async throws -> Float {
    let input = Tensor(shape: [1, context.count + samples.count], floats: context + samples)
    let outputs = try await detector.model.run([input, Tensor(shape: [2, 1, 128], floats: state)])
    guard outputs.count == 2, let probability = outputs[0].floats.first, outputs[1].count == state.count else {
      throw SpeechError.invalidModel("the voice activity model gave unexpected outputs")
    }
    state = outputs[1].floats
    context = Array(samples.suffix(VoiceActivityDetector.contextSamples))
    return probability
  }
}
