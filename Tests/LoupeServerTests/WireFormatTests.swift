import Foundation
import LoupeTestSupport
import Testing

@testable import LoupeServer

/// The edge's own encodings and checks: PAI's `create_time` and the JSON depth pre-scan.
@Suite(.offCooperativePool) struct WireFormatTests {
  @Test func createTimeIsRFC3339WithTheOffset() {
    let date = Date(timeIntervalSince1970: 1_697_610_762.619)
    #expect(
      RFC3339Time.string(from: date, timeZone: TimeZone(secondsFromGMT: 8 * 3600)!) == "2023-10-18T14:32:42.619+08:00"
    )
    #expect(RFC3339Time.string(from: date, timeZone: TimeZone(secondsFromGMT: -(3 * 3600 + 1800))!).hasSuffix("-03:30"))
    #expect(RFC3339Time.string(from: date, timeZone: TimeZone(identifier: "UTC")!) == "2023-10-18T06:32:42.619+00:00")
  }

  @Test func jsonDepthIsMeasuredOutsideStrings() {
    #expect(JSONBody.nestingDepth(of: Array(#"{"a": "[[[[{{{{", "b": [1, {"c": 2}]}"#.utf8)) == 3)
    #expect(JSONBody.nestingDepth(of: Array(#"{"a": "\"[[["}"#.utf8)) == 1)
  }
}
