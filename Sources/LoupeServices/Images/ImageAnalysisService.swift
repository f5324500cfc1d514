import LoupeAnalysis
import LoupeMedia

/// The seam between the application and the models: runs a validated command on a decoded
/// image. `LiveImageAnalysis` runs the real models; tests of the layers above may use a fixed
/// value from the test support.
public protocol ImageAnalysisService: Sendable {
  func analyze(_ command: ImageCommand, image: PixelBuffer) async throws -> ImageAnalysisResult
}

/// A command's typed result; the HTTP edge encodes it in PAI's wire shape.
public enum ImageAnalysisResult: Sendable, Equatable {
  /// 0–100, higher is better.
  case quality(score: Double)
  case faceAttributes([FaceAttributes])
  case ageRange(FairFaceAgeEstimate)
  /// The top tags named in the requested language, and the 512-d embedding when asked for.
  case tags([NamedTag], embedding: [Float]?)
  case tagger(TaggerCaption)
  /// An edited photo, encoded (`EditedImageEncoding`); PAI sends it as Base64.
  case image(encoded: [UInt8])
}

/// An analysed image: the result and the size of the image it was computed on.
public struct ImageAnalysis: Sendable, Equatable {
  public var result: ImageAnalysisResult
  public var width: Int
  public var height: Int

  public init(result: ImageAnalysisResult, width: Int, height: Int) {
    self.result = result
    self.width = width
    self.height = height
  }
}
