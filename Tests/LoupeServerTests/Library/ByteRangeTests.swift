import LoupeTestSupport
import Testing

@testable import LoupeServer

@Suite(.offCooperativePool) struct ByteRangeTests {
  @Test func aClosedRangeIsClampedToTheFile() throws {
    #expect(try ByteRange.parse("bytes=0-99", size: 1000) == ByteRange(lower: 0, upper: 99))
    #expect(try ByteRange.parse("bytes=900-2000", size: 1000) == ByteRange(lower: 900, upper: 999))
  }

  @Test func openAndSuffixRanges() throws {
    #expect(try ByteRange.parse("bytes=500-", size: 1000) == ByteRange(lower: 500, upper: 999))
    #expect(try ByteRange.parse("bytes=-100", size: 1000) == ByteRange(lower: 900, upper: 999))
  }

  @Test func aRangeBeyondTheEndIsUnsatisfiable() {
    #expect(throws: ByteRange.Unsatisfiable.self) { try ByteRange.parse("bytes=1000-", size: 1000) }
  }

  @Test func malformedOrMultipleRangesServeTheWholeFile() throws {
    #expect(try ByteRange.parse("bytes=0-1,5-6", size: 1000) == nil)
    #expect(try ByteRange.parse("items=0-1", size: 1000) == nil)
    #expect(try ByteRange.parse("bytes=9-3", size: 1000) == nil)
    #expect(try ByteRange.parse(nil, size: 1000) == nil)
  }
}
