import Dispatch
import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeVision

/// Reads subtitles burned into a video's picture: the top and bottom bands of frames taken every
/// `interval` seconds (2 a second by default) are read by OCR, and `SubtitleLineTracker` turns
/// the readings into timed `.ocr` dialogue events, each line once.
///
/// Cheap by construction: only the bands are read (half the frame), the detector's input is
/// capped at 960 pixels, no orientation check runs (subtitles are upright), and a band that has
/// not changed since the previous frame (mean absolute difference under `unchangedDifference`
/// levels) reuses the previous reading.
public final class BurnedInSubtitleReader: @unchecked Sendable {
  /// Fraction of the frame height each band covers, from the top and from the bottom edge.
  public static let bandFraction = 0.25
  /// Bands differing from the previous frame's by less than this (0…255 mean absolute
  /// difference) are not read again.
  public static let unchangedDifference = 1.5

  public let interval: Double
  private let reader: TextReader
  private let lock = NSLock()
  private var tracker: SubtitleLineTracker
  private var previous: [PixelBuffer?] = [nil, nil]
  private var previousLines: [[RecognizedText]] = [[], []]
  private var statistics = (bands: 0, read: 0, seconds: 0.0)

  public init(reader: TextReader, interval: Double = 0.5) {
    self.reader = reader
    self.interval = interval
    tracker = SubtitleLineTracker(interval: interval)
  }

  /// A reader whose `TextReader` skips the orientation check.
  public static func live(
    dependencies: DependenciesDirectory,
    inference: InferenceOptions = InferenceOptions(),
    interval: Double = 0.5
  ) throws -> BurnedInSubtitleReader {
    BurnedInSubtitleReader(
      reader: try TextReader.live(dependencies: dependencies, inference: inference, checksOrientation: false),
      interval: interval
    )
  }

  /// Reads one frame's bands; frames must come in time order.
  public func read(_ frame: VideoFrame) async throws {
    let bands = Self.bands(of: frame.image)
    var lines: [RecognizedText] = []
    for (position, band) in bands.enumerated() {
      if let last = lock.withLock({ previous[position] }), Self.meanDifference(last, band) < Self.unchangedDifference {
        lines += lock.withLock { previousLines[position] }
        lock.withLock { statistics.bands += 1 }
        continue
      }
      let started = DispatchTime.now().uptimeNanoseconds
      let read = try await reader.read(band).map { RecognizedText(text: $0.text, score: $0.score) }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
      lock.withLock {
        previous[position] = band
        previousLines[position] = read
        statistics = (statistics.bands + 1, statistics.read + 1, statistics.seconds + seconds)
      }
      lines += read
    }
    lock.withLock { tracker.observe(lines, at: frame.time) }
  }

  /// For `VideoScanner.scan`'s `frames` consumer, which runs on the scanning thread (never one of
  /// Swift concurrency's): waits there while the frame is read.
  public func readBlocking(_ frame: VideoFrame) throws {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var failure: Error?
    Task {
      do { try await self.read(frame) } catch { failure = error }
      done.signal()
    }
    done.wait()
    if let failure { throw failure }
  }

  /// The events read so far, every line ended; call once, after the last frame.
  public func events() -> [DialogueEvent] {
    lock.withLock { tracker.finish() }
  }

  /// Bands seen, bands actually read by OCR, and the seconds spent reading them.
  public var cost: (bands: Int, read: Int, seconds: Double) {
    lock.withLock { statistics }
  }

  /// The top and bottom bands of `image`.
  static func bands(of image: PixelBuffer) -> [PixelBuffer] {
    let height = max(1, Int((Double(image.height) * bandFraction).rounded()))
    return [
      Rect(x: 0, y: 0, width: Float(image.width), height: Float(height)),
      Rect(x: 0, y: Float(image.height - height), width: Float(image.width), height: Float(height)),
    ].compactMap { image.cropped(to: $0) }
  }

  /// Mean absolute difference per channel value (0…255); infinite for different sizes.
  static func meanDifference(_ a: PixelBuffer, _ b: PixelBuffer) -> Double {
    guard a.width == b.width, a.height == b.height else { return .infinity }
    var total = 0
    a.pixels.withUnsafeBufferPointer { x in
      b.pixels.withUnsafeBufferPointer { y in
        for index in x.indices { total += abs(Int(x[index]) - Int(y[index])) }
      }
    }
    return Double(total) / Double(max(a.pixels.count, 1))
  }
}
