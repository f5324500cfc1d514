import Foundation
import LoupeMedia
import Testing

@testable import LoupeAnalysis

@Suite struct BRISQUETests {
  @Test func featuresAndScoreMatchOpenCV() throws {
    let model = try BRISQUEModel.live()
    for golden in try QualityFixtures.brisqueGolden() {
      let luminance = GreyPlane(LumaPlane(try QualityFixtures.photo(golden.path)))
      let features = try #require(BRISQUEFeatures(luminance), "\(golden.path)")
      let worst = zip(features.values, golden.features).map { abs($0 - $1) / max(abs($1), 1e-3) }.max() ?? 0
      let score = model.score(features)
      print("BRISQUE \(golden.path): Swift \(score) OpenCV \(golden.score) worst feature rel. error \(worst)")
      // Last-bit differences (libvips applies astronaut.png's ICC profile; OpenCV's SIMD exp and
      // odd-size resize coefficients) tip a few shape estimates by one 0.001 grid step.
      #expect(worst < 5e-3, "\(golden.path)")
      #expect(abs(score - golden.score) < 1e-2, "\(golden.path)")
    }
  }

  @Test func modelFilesParse() throws {
    let model = try BRISQUEModel.live()
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
