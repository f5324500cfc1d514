import ArgumentParser
import AsyncHTTPClient
import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeServer
import LoupeServices
import LoupeStore
import NIOCore

/// Load on a real `loupe serve` child process: signed PAI requests at a fixed concurrency for a
/// fixed time per workload, against `GET /healthz` in the same run as the server-overhead
/// reference. Prints requests/s, p50/p99 latency, errors and the server's peak RSS.
struct BenchServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Load test of the PAI API (ImageQA, MultiLabelImageV2 and its editing models) at fixed concurrency."
  )

  @Option(help: "Seconds per workload.") var duration = 60
  @Option(help: "Requests in flight.") var concurrency = 8
  @Option(help: "The server's max_running_analyses (max_waiting_analyses is the concurrency).")
  var runningAnalyses = 2
  @Option(help: "Inference precision of the server: f32 or bf16.") var precision = "f32"

  static let photos = ["chelsea.png", "coffee.png", "motorcycle_left.png", "astronaut.png"]

  struct Workload {
    var name: String
    var makeRequest: @Sendable (_ index: Int) -> HTTPClientRequest
  }

  func run() async throws {
    #if DEBUG
      print("warning: debug build; use ./scripts/run bench serve (release) for real figures")
    #endif
    let dependencies = try DependenciesDirectory.required()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let app = try await AppRepository(database: try LoupeDatabase(directory: directory)).create(name: "bench")
    let mediaRoot = dependencies.packageFile("skimage/data").resolvingSymlinksInPath()
    let config = directory.appendingPathComponent("config.json")
    // Two analyses run (one per core of the reference machine) and the rest of the closed
    // loop waits its turn: at this concurrency nothing is refused as busy.
    let admission = #""max_running_analyses": \#(runningAnalyses), "max_waiting_analyses": \#(concurrency)"#
    // watermark_remover's photo: chelsea.png with a translucent "SAMPLE" drawn on it.
    let marks = directory.appendingPathComponent("marked", isDirectory: true)
    try FileManager.default.createDirectory(at: marks, withIntermediateDirectories: true)
    let cat = try ImageDecoder().decode(contentsOf: mediaRoot.appendingPathComponent("chelsea.png")).pixels
    try Data(try ImageEncoder.encode(BenchWatermark.marked(cat), as: .png))
      .write(to: marks.appendingPathComponent("chelsea-marked.png"))
    let markedPhoto = marks.resolvingSymlinksInPath().appendingPathComponent("chelsea-marked.png").path
    let roots = #"["\#(mediaRoot.path)", "\#(marks.resolvingSymlinksInPath().path)"]"#
    try Data(#"{"media_roots": \#(roots), \#(admission)}"#.utf8).write(to: config)

    let server = try await ServerProcess.start(
      arguments: ["--data-dir", directory.path, "--config", config.path, "--precision", precision])
    defer { server.stop() }
    let base = "http://127.0.0.1:\(server.port)"

    @Sendable func signed(
      _ action: String,
      model: String = "",
      configure: String,
      index: Int,
      photos: [String] = Self.photos
    ) -> HTTPClientRequest {
      // Absolute paths name files outside the package's photos (the marked one).
      let photo = photos[index % photos.count]
      let image = (photo.hasPrefix("/") ? URL(fileURLWithPath: photo) : mediaRoot.appendingPathComponent(photo))
        .absoluteString
      let body =
        #"{"action": "\#(action)", "image": "\#(image)", "model_name": "\#(model)", "configure": \#(configure)}"#
      var request = HTTPClientRequest(url: base + "/api/v1/images")
      request.method = .POST
      let signature = RequestSignature.sign(
        method: "POST",
        path: "/api/v1/images",
        body: Data(body.utf8),
        token: app.token
      )
      request.headers.add(name: "Authorization", value: "\(app.id):\(signature)")
      request.body = .bytes(ByteBuffer(string: body))
      return request
    }
    let workloads = [
      Workload(name: "GET /healthz (reference)") { _ in HTTPClientRequest(url: base + "/healthz") },
      Workload(name: "ImageQA") { signed("ImageQA", configure: "{}", index: $0) },
      Workload(name: "MultiLabelImageV2") {
        signed("MultiLabelImageV2", configure: #"{"tag_top_k": 5, "output_embedding": true}"#, index: $0)
      },
      // The one photo of a person among the installed ones (512 × 512).
      Workload(name: "body_reshaping") {
        signed(
          "MultiLabelImageV2",
          model: "body_reshaping",
          configure: #"{"degree": 1.0}"#,
          index: $0,
          photos: ["astronaut.png"]
        )
      },
      Workload(name: "watermark_remover") {
        signed("MultiLabelImageV2", model: "watermark_remover", configure: "{}", index: $0, photos: [markedPhoto])
      },
    ]
    print(
      "concurrency \(concurrency), \(duration) s per workload, server precision \(precision),"
        + " admission \(runningAnalyses) running + \(concurrency) waiting"
    )
    print("workload".padding(toLength: 28, withPad: " ", startingAt: 0) + "  req/s     p50 ms    p99 ms   errors")
    var reference: Double?
    for workload in workloads {
      let result = try await LoadRun.run(
        concurrency: concurrency,
        duration: .seconds(duration),
        makeRequest: workload.makeRequest
      )
      let rate = Double(result.latencies.count) / Double(duration)
      reference = reference ?? rate
      print(
        workload.name.padding(toLength: 28, withPad: " ", startingAt: 0)
          + String(
            format: "%7.1f  %9.1f  %9.1f  %6d   (%.4f × reference req/s)",
            rate,
            result.percentile(0.5) * 1000,
            result.percentile(0.99) * 1000,
            result.errors,
            rate / (reference ?? rate)
          )
      )
    }
    print(String(format: "server peak RSS: %.0f MiB", Double(server.peakResidentKilobytes() ?? 0) / 1024))
  }
}
