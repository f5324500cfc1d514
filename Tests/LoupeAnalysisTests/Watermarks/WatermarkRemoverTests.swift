import LoupeAnalysis
import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct WatermarkRemoverTests {
  /// Degenerate inputs come back as they were, without a fault: nothing in them to find.
  @Test(arguments: [(1, 1), (2, 300), (300, 2), (64, 64)])
  func tinyAndBlankImagesComeBackUnchanged(width: Int, height: Int) async throws {
    let remover = try WatermarkFixtures.remover()
    let blank = PixelBuffer(width: width, height: height, filledWith: (200, 120, 40))
    #expect(try await remover.remove(from: blank) == blank)
  }

  /// A mask with nothing detected leaves the image alone, whatever the fill.
  @Test func anEmptyMaskChangesNothing() {
    let image = PixelBuffer(width: 8, height: 8, filledWith: (1, 2, 3))
    let mask = WatermarkMask(width: 8, height: 8, marks: [], restorableOpacity: 0.5, fringe: 1)
    for fill in WatermarkFill.allCases { #expect(fill.apply(mask, to: image) == image) }
  }
}
