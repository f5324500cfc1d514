import ArgumentParser
import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeVision

struct OCRCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ocr",
    abstract: "Read the text lines of an image (PP-OCRv6: Chinese, Japanese with kana, English; vertical too)."
  )

  @Argument(help: "Image path, file:// URL or http(s):// URL.")
  var image: String

  @Flag(help: "Print JSON: each line's text, score, direction and corner points.")
  var json = false

  @Option(help: "Inference precision: f32 or bf16.")
  var precision: Precision = .f32

  @Option(help: "Threads per inference (default: all cores).")
  var threads: Int?

  func run() async throws {
    let decoded = try await ImageLoader().load(image)
    let reader = try TextReader.live(
      dependencies: try .required(),
      inference: InferenceOptions(precision: precision, threads: threads, concurrentRequests: 1)
    )
    let lines = try await reader.read(decoded.pixels)
    guard json else {
      for line in lines {
        let box = line.bounds
        print(
          String(format: "%.3f  [%d,%d %dx%d]  ", line.score, Int(box.x), Int(box.y), Int(box.width), Int(box.height))
            + line.text
        )
      }
      return
    }
    try JSONOutput.print(
      OCRReport(
        image: .init(width: decoded.pixels.width, height: decoded.pixels.height, format: decoded.format.rawValue),
        lines: lines.map(OCRReport.Line.init)
      )
    )
  }
}

struct OCRReport: Encodable {
  struct Image: Encodable {
    var width: Int
    var height: Int
    var format: String
  }

  struct Line: Encodable {
    var text: String
    var score: Float
    var direction: String
    /// Top-left, top-right, bottom-right, bottom-left.
    var box: [[Float]]

    init(_ line: TextLine) {
      text = line.text
      score = line.score
      direction = line.direction.rawValue
      box = line.corners.map { [$0.x, $0.y] }
    }
  }

  var image: Image
  var lines: [Line]
}
