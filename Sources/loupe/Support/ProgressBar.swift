import Foundation
import LoupeMedia

/// A progress line on standard error for long work: a bar, the count, the rate and an estimate
/// of the time left. On a terminal it redraws in place; otherwise (a log, a pipe) it writes one
/// line per tenth of the work, so logs stay readable.
final class ProgressBar {
  let total: Int
  let unit: String
  private let started = ContinuousClock.now
  private let interactive = isatty(FileHandle.standardError.fileDescriptor) == 1
  private var done = 0
  private var lastTenth = -1

  init(total: Int, unit: String) {
    self.total = max(0, total)
    self.unit = unit
  }

  func advance(by count: Int = 1) {
    done = min(total, done + count)
    let tenth = total == 0 ? 10 : done * 10 / total
    guard interactive || tenth != lastTenth else { return }
    lastTenth = tenth
    write((interactive ? "\r" : "") + line() + (interactive ? "\u{1B}[K" : "\n"))
  }

  /// Ends the line on a terminal.
  func finish() {
    if interactive { write("\n") }
  }

  func line() -> String {
    let width = 30
    let filled = total == 0 ? width : width * done / total
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let elapsed = (ContinuousClock.now - started).seconds
    let rate = elapsed > 0 ? Double(done) / elapsed : 0
    let left = rate > 0 ? Double(total - done) / rate : nil
    return "[\(bar)] \(done)/\(total) \(unit)  \(String(format: "%.1f", rate))/s  ETA \(Self.clock(left))"
  }

  static func clock(_ seconds: Double?) -> String {
    guard let seconds, seconds.isFinite else { return "--:--" }
    let whole = Int(seconds.rounded(.up))
    return String(format: "%d:%02d", whole / 60, whole % 60)
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
