import ArgumentParser
import LoupeMedia
import LoupeRuntime
import LoupeVision

extension FaceDetectorKind: ExpressibleByArgument {}
extension Precision: ExpressibleByArgument {}

struct FacesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "faces",
    abstract: "Find faces in an image and print boxes, landmarks, scores and, optionally, embeddings as JSON."
  )

  @Argument(help: "Image path, file:// URL or http(s):// URL.")
  var image: String

  @Option(help: "Face detector: scrfd (default) or retinaface (MIT-licensed weights).")
  var detector: FaceDetectorKind = .scrfd

  @Flag(help: "Include each face's 512-d ArcFace embedding.")
  var embeddings = false

  @Option(help: "Inference precision: f32 or bf16.")
  var precision: Precision = .f32

  @Option(help: "Threads per inference (default: all cores).")
  var threads: Int?

  func run() async throws {
    let decoded = try await ImageLoader().load(image)
    let analyzer = try FaceAnalyzer.live(
      dependencies: try .required(),
      detector: detector,
      options: InferenceOptions(precision: precision, threads: threads, concurrentRequests: 1)
    )
    let observations = try await analyzer.analyze(decoded.pixels, includeEmbeddings: embeddings)
    try JSONOutput.print(
      FacesReport(
        image: .init(width: decoded.pixels.width, height: decoded.pixels.height, format: decoded.format.rawValue),
        detector: detector.rawValue,
        faces: observations.map(FacesReport.Face.init)
      )
    )
  }
}

struct FacesReport: Encodable {
  struct Image: Encodable {
    var width: Int
    var height: Int
    var format: String
  }

  struct Face: Encodable {
    var box: Rect
    var score: Float
    var landmarks: [[Float]]
    var embedding: [Float]?

    init(_ observation: FaceObservation) {
      box = observation.face.box
      score = observation.face.score
      landmarks = observation.face.landmarks.map { [$0.x, $0.y] }
      embedding = observation.embedding
    }
  }

  var image: Image
  var detector: String
  var faces: [Face]
}
