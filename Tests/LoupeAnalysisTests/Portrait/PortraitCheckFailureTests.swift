import LoupeMedia
import LoupeTestSupport
import LoupeVision
import Testing

@testable import LoupeAnalysis

/// PAI's codes 4 and 5, which real models on real photos do not produce: the detector or the
/// embedder failing, through deterministic values at the seams.
@Suite(.offCooperativePool) struct PortraitCheckFailureTests {
  struct FailingDetector: FaceDetector {
    func detect(in image: PixelBuffer) async throws -> [DetectedFace] { throw FaceError.degenerateLandmarks }
  }

  struct FailingEmbedder: FaceEmbedder {
    let dimension = 512
    func embedding(of face: DetectedFace, in image: PixelBuffer) async throws -> [Float] {
      throw FaceError.degenerateLandmarks
    }
  }

  static let face = DetectedFace(
    box: Rect(x: 10, y: 10, width: 80, height: 80),
    score: 0.9,
    landmarks: ArcFaceAlignment.template
  )

  @Test func aDetectorFailureIsCode4AndAnEmbeddingFailureCode5() async {
    let photo = PixelBuffer(width: 112, height: 112, filledWith: (120, 100, 90))
    let undetectable = await PortraitChecker(detector: FailingDetector(), embedder: FailingEmbedder()).check([photo])
    #expect(undetectable.map(\.code) == [.detectError] && undetectable[0].code.message == "Image detect error")
    let unencodable = await PortraitChecker(
      detector: FixedFaceDetector(faces: [Self.face]),
      embedder: FailingEmbedder()
    )
    .check([photo])
    #expect(unencodable.map(\.code) == [.encodingError] && unencodable[0].code.message == "Image encoding error")
    #expect(unencodable[0].frontal, "the pose is still known")
  }
}
