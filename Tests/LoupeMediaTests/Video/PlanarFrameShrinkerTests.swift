import CFFmpeg
import Foundation
import LoupeTestSupport
import Testing

@testable import LoupeMedia

/// The direct box average of the decoder's planes against swscale's area filter, which it
/// replaces for planar 8-bit frames. Single samples differ at edges (the two resample at
/// slightly different phases), so what is compared is what the analyses read: 8×8 cell means,
/// the luma spread of the blank-frame rule, and the shot detector's signature distance, which
/// must stay well below the 0.04 floor of a cut (cuts score 0.07–0.5). The clip is 320 px wide,
/// a 2.5× shrink where whole-pixel boxes and swscale's fractional ones differ most; at 1080p
/// (15×) they nearly coincide. In limited and full range, for each chroma layout.
@Suite(.offCooperativePool) struct PlanarFrameShrinkerTests {
  static func encoded(_ name: String, _ arguments: [String]) throws -> URL {
    let url = TestClips.scratchURL(name)
    if !FileManager.default.fileExists(atPath: url.path) {
      try TestClips.ffmpeg(["-i", try TestClips.footage().url.path, "-frames:v", "12"] + arguments + [url.path])
    }
    return url
  }

  /// The decoder enforces the pixel limit itself (FFmpeg's `max_pixels`): a stream one row over
  /// it is refused before any frame is allocated; at the limit every frame decodes.
  @Test(arguments: [(320 * 240, true), (320 * 239, false)])
  func theDecoderRefusesFramesOverItsPixelLimit(maxPixels: Int, decodes: Bool) throws {
    // One file per case: cases run in parallel and must not write the same file.
    let url = try Self.encoded("limit-\(maxPixels).mp4", ["-c:v", "libx264", "-pix_fmt", "yuv420p"])
    let input = try MediaInput(url: url)
    guard decodes else {
      #expect(throws: VideoError.self) {
        _ = try VideoStreamDecoder(stream: input.stream(input.videoStreamIndex), threadCount: 1, maxPixels: maxPixels)
      }
      return
    }
    let decoder = try VideoStreamDecoder(
      stream: input.stream(input.videoStreamIndex),
      threadCount: 1,
      maxPixels: maxPixels
    )
    var packet = av_packet_alloc(), frame = av_frame_alloc()
    defer {
      av_packet_free(&packet)
      av_frame_free(&frame)
    }
    var frames = 0
    while av_read_frame(input.context, packet) >= 0 {
      defer { av_packet_unref(packet) }
      guard Int(packet!.pointee.stream_index) == input.videoStreamIndex else { continue }
      decoder.send(packet)
      while decoder.receive(into: frame!) {
        frames += 1
        av_frame_unref(frame)
      }
    }
    decoder.send(nil)
    while decoder.receive(into: frame!) {
      frames += 1
      av_frame_unref(frame)
    }
    #expect(frames == 12 && decoder.rejectedPackets == 0, "\(frames) frames")
  }

  @Test(arguments: [
    ("yuv420p", ["-c:v", "libx264", "-pix_fmt", "yuv420p"]), ("yuvj420p", ["-c:v", "mjpeg", "-pix_fmt", "yuvj420p"]),
    ("yuv422p", ["-c:v", "libx264", "-pix_fmt", "yuv422p"]), ("yuv444p", ["-c:v", "libx264", "-pix_fmt", "yuv444p"]),
  ])
  func agreesWithSwscaleOnWhatTheAnalysesRead(format: String, arguments: [String]) throws {
    let url = try Self.encoded("shrink-\(format).\(format == "yuvj420p" ? "avi" : "mp4")", arguments)
    let input = try MediaInput(url: url)
    let decoder = try VideoStreamDecoder(
      stream: input.stream(input.videoStreamIndex),
      threadCount: 1,
      maxPixels: 320 * 240
    )
    var packet = av_packet_alloc(), frame = av_frame_alloc()
    defer {
      av_packet_free(&packet)
      av_frame_free(&frame)
    }
    let scaler = FrameScaler()
    var compared = 0
    while av_read_frame(input.context, packet) >= 0, compared < 6 {
      defer { av_packet_unref(packet) }
      guard Int(packet!.pointee.stream_index) == input.videoStreamIndex else { continue }
      decoder.send(packet)
      while compared < 6, decoder.receive(into: frame!) {
        defer { av_frame_unref(frame) }
        let direct = try #require(PlanarFrameShrinker.planes(frame!, width: 128, height: 96), "\(format)")
        let reference = try #require(scaler.planes(frame!, width: 128, height: 96))
        for (name, a, b) in [
          ("Y", direct.luma, reference.luma), ("Cb", direct.blueDifference, reference.blueDifference),
          ("Cr", direct.redDifference, reference.redDifference),
        ] {
          let gap = zip(direct.cellMeans(a), reference.cellMeans(b)).map { abs($0 - $1) }.max()!
          #expect(gap < 2.5, "\(format) \(name): cell means differ by up to \(gap)")
        }
        #expect(abs(direct.lumaStandardDeviation - reference.lumaStandardDeviation) < 0.5, "\(format)")
        let distance = FrameSignature(direct).difference(from: FrameSignature(reference))
        #expect(distance < 0.025, "\(format): signature distance \(distance)")
        compared += 1
      }
    }
    #expect(compared == 6)
  }
}
