import Foundation
import LoupeMedia
import LoupeRuntime

/// PP-OCRv6's small recogniser (rapidocr 3.10's `PP-OCRv6_rec_small.onnx`): one upright line
/// image, BGR, scaled to height 48 keeping its aspect (width at least 320, at most
/// `maxInputWidth`, zero-padded on the right after normalising to (x − 127.5) / 127.5), gives
/// per-step probabilities over the CTC blank, 18,708 characters (Latin, Chinese, kana, …) and a
/// space; greedy CTC decoding (repeats merged, blanks dropped) reads the text.
public struct TextRecognizer: Sendable {
  public static let inputHeight = 48
  /// rapidocr's `rec_img_shape` width: narrower lines are padded to it.
  public static let minimumInputWidth = 320
  /// Wider lines are squeezed to this width; a 48-pixel-high line this long holds ~80 CJK
  /// characters, more than any subtitle or caption line. Bounds the cost of one call.
  public static let maxInputWidth = 3840

  /// Index `i + 1` of the model's output is `characters[i]`; 0 is the blank, the last a space.
  public let characters: [String]
  private let model: InferenceModel

  public init(model: InferenceModel, characters: [String]) {
    self.model = model
    self.characters = characters
  }

  public static func live(
    dependencies: DependenciesDirectory,
    inference: InferenceOptions = InferenceOptions()
  ) throws -> TextRecognizer {
    TextRecognizer(
      model: try dependencies.model(ModelCatalog.ppOCRv6Recognizer, options: inference),
      characters: try characterList(at: dependencies.url(for: ModelCatalog.ppOCRv6Characters))
    )
  }

  /// The character list setup extracts from the model (one per line, UTF-8); split on line-feed
  /// bytes, so no character can join its neighbour.
  static func characterList(at url: URL) throws -> [String] {
    guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else {
      throw RuntimeError.modelFileMissing(path: url.path)
    }
    var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Reads one upright line image.
  public func recognize(_ line: PixelBuffer) async throws -> RecognizedText {
    let input = line.lineTensor(
      height: Self.inputHeight,
      maxWidth: Self.maxInputWidth,
      paddedWidth: Self.minimumInputWidth
    )
    let outputs = try await model.run([input])
    guard let probabilities = outputs.first, probabilities.shape.count == 3,
      probabilities.shape[2] == characters.count + 2
    else {
      throw RuntimeError.inputMismatch("the recogniser should give [1, steps, \(characters.count + 2)] probabilities")
    }
    return decode(probabilities.floats, steps: probabilities.shape[1], classes: probabilities.shape[2])
  }

  /// Greedy CTC: the best class per step; a step is kept when it is not the blank and differs
  /// from the step before. The score is the mean probability of the kept steps.
  func decode(_ values: [Float], steps: Int, classes: Int) -> RecognizedText {
    var text = "", sum: Float = 0, kept = 0, previous = -1
    values.withUnsafeBufferPointer { values in
      for step in 0..<steps {
        var best = 0, bestValue = -Float.infinity
        for index in 0..<classes where values[step * classes + index] > bestValue {
          best = index
          bestValue = values[step * classes + index]
        }
        defer { previous = best }
        guard best != 0, best != previous else { continue }
        text += best <= characters.count ? characters[best - 1] : " "
        sum += bestValue
        kept += 1
      }
    }
    return RecognizedText(text: text, score: kept > 0 ? sum / Float(kept) : 0)
  }
}
