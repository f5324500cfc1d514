import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@testable import LoupeAnalysis

@Suite(.offCooperativePool) struct BRISQUETests {
  @Test func featuresAndScoreMatchOpenCV() throws {
    let model = try BRISQUEModel.live()
    for golden in try QualityFixtures.brisqueGolden() {
      let luminance = GreyPlane(LumaPlane(try QualityFixtures.photo(golden.path)))
      let features = try #require(BRISQUEFeatures(luminance), "\(golden.path)")
      let worst = zip(features.values, golden.features).map { abs($0 - $1) / max(abs($1), 1e-3) }.max() ?? 0
      let score = model.score(features)
      print("BRISQUE \(golden.path): Swift \(score) OpenCV \(golden.score) worst feature rel. error \(worst)")
      // The SVR sums 774 kernel values weighted by up to ±1024, so last-bit differences in the
      // exponential (OpenCV's SIMD exp) and in odd-size resize coefficients (chelsea.png) move the
      // score by up to ~1.5e-3 although every feature agrees to 4e-5.
      #expect(worst < 1e-4, "\(golden.path)")
      #expect(abs(score - golden.score) < 2e-3, "\(golden.path)")
    }
  }

  @Test func modelFilesParse() throws {
    let start = Date()
    let model = try BRISQUEModel.live()
    print("BRISQUE model loaded in \(Int(Date().timeIntervalSince(start) * 1000)) ms")
    #expect(model.supportVectors.count == 774)
    #expect(model.coefficients.count == 774)
    #expect(model.featureMinimums.count == 36 && model.featureMaximums.count == 36)
    #expect(abs(model.gamma - 0.05) < 1e-12)
    #expect(abs(model.rho + 149.63506109127357) < 1e-9)
  }

  @Test func missingModelDirectoryIsAClearError() {
    let nowhere = URL(fileURLWithPath: "/nonexistent/opencv4/quality")
    #expect(throws: AnalysisError.self) { try BRISQUEModel.live(directory: nowhere) }
  }

  @Test func blackImageHasNoFeatures() {
    #expect(BRISQUEFeatures(GreyPlane(LumaPlane(PixelBuffer(width: 32, height: 32)))) == nil)
  }
}
