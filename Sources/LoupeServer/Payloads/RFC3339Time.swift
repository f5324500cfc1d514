import Foundation

/// PAI's `create_time`: RFC 3339 with milliseconds and the server's UTC offset, as in
/// `2023-10-18T14:32:42.619+08:00`.
enum RFC3339Time {
  static func string(from date: Date, timeZone: TimeZone = .current) -> String {
    // Whole milliseconds first: binary fractions of a second would print .618 for .619.
    let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    let milliseconds = Int(((totalMilliseconds % 1000) + 1000) % 1000)
    let second = Date(timeIntervalSince1970: Double((totalMilliseconds - Int64(milliseconds)) / 1000))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: second)
    let offset = timeZone.secondsFromGMT(for: second)
    let sign = offset < 0 ? "-" : "+"
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d%@%02d:%02d",
      parts.year ?? 0,
      parts.month ?? 0,
      parts.day ?? 0,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
      milliseconds,
      sign,
      abs(offset) / 3600,
      abs(offset) % 3600 / 60
    )
  }
}
