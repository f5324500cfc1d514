import ArgumentParser
import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeVision

/// OCR latency: a full page and a subtitle band (the bottom quarter of a 720-pixel-wide frame,
/// what burned-in subtitle reading sees), Swift/OpenVINO f32 against rapidocr 3.10's own Python
/// pipeline (Benchmarks/ocr_rapidocr.py, onnxruntime) in the same invocation.
struct BenchOCRCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ocr",
    abstract: "OCR latency (p50) per full page and per frame band, Swift f32 vs rapidocr's Python pipeline."
  )

  @Option(help: "Timed runs per image (at least 10).")
  var runs = 20

  @Option(help: "Threads per inference, on both sides.")
  var threads = 2

  @Flag(help: "Skip the Python rapidocr reference.")
  var skipReference = false

  static let page = "/usr/share/doc/opencv-doc/examples/text/scenetext02.jpg"

  func validate() throws {
    guard runs >= 10 else { throw ValidationError("--runs must be at least 10") }
  }

  func run() async throws {
    #if DEBUG
      print("warning: debug build; use ./scripts/run bench ocr (release) for real figures")
    #endif
    let dependencies = try DependenciesDirectory.required()
    let page = try ImageDecoder().decode(contentsOf: URL(fileURLWithPath: Self.page)).pixels
    let frame = page.resized(width: 720, height: 720 * page.height / page.width, filter: .area)
    guard
      let band = frame.cropped(
        to: Rect(x: 0, y: Float(frame.height * 3 / 4), width: 720, height: Float(frame.height / 4))
      )
    else { throw CLIError("cannot cut the band") }
    let bandURL = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-bench-ocr-band.png")
    try Data(try ImageEncoder.encode(band, as: .png)).write(to: bandURL)
    defer { try? FileManager.default.removeItem(at: bandURL) }

    let inference = InferenceOptions(precision: .f32, threads: threads, concurrentRequests: 1)
    let pageReader = try TextReader.live(dependencies: dependencies, inference: inference)
    let bandReader = try TextReader.live(dependencies: dependencies, inference: inference, checksOrientation: false)
    var rows: [(name: String, size: String, lines: Int, p50: Double)] = []
    for (name, image, reader) in [("page", page, pageReader), ("band", band, bandReader)] {
      let lines = try await reader.read(image).count
      var samples: [Double] = []
      for _ in 0..<runs {
        let start = ContinuousClock.now
        _ = try await reader.read(image)
        samples.append((ContinuousClock.now - start).seconds * 1000)
      }
      rows.append((name, "\(image.width)×\(image.height)", lines, samples.sorted()[samples.count / 2]))
    }
    let reference = skipReference ? nil : try runReference(dependencies, paths: [Self.page, bandURL.path])
    print("ocr: PP-OCRv6 detection (longest side ≤ 960) + recognition; p50 of \(runs) runs, \(threads) threads")
    print("name  size       lines  swift f32 ms  rapidocr ms  swift/rapidocr")
    for (index, row) in rows.enumerated() {
      let python = reference?[index]
      print(
        [
          row.name, row.size, python.map { "\(row.lines)/\($0.lines)" } ?? "\(row.lines)",
          String(format: "%.1f", row.p50), python.map { String(format: "%.1f", $0.p50) } ?? "-",
          python.map { String(format: "%.2f", row.p50 / $0.p50) } ?? "-",
        ].joined(separator: "  ")
      )
    }
  }

  private func runReference(
    _ dependencies: DependenciesDirectory,
    paths: [String]
  ) throws -> [(lines: Int, p50: Double)] {
    let python = dependencies.root.appendingPathComponent("rapidocr/bin/python").path
    let script = dependencies.root.deletingLastPathComponent().appendingPathComponent("Benchmarks/ocr_rapidocr.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script, "--runs", String(runs), "--threads", String(threads)] + paths
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CLIError("reference benchmark failed: \(script)") }
    struct Report: Decodable {
      struct Image: Decodable {
        var lines: Int
        var p50_ms: Double
      }
      var images: [String: Image]
    }
    let report = try JSONDecoder().decode(Report.self, from: data)
    return paths.map { (report.images[$0]?.lines ?? 0, report.images[$0]?.p50_ms ?? .nan) }
  }
}
