internal import CFFmpeg

/// One run of `VideoScanner.scan`: the demux–decode loop and everything done per frame.
///
/// Each decoded frame is shrunk once to a 128-pixel-wide Y′CbCr copy for the shot detector, the
/// blank-frame rule and the motion measure (`PlanarFrameShrinker` for planar 8-bit frames,
/// swscale for the rest). The detector decides about a frame only after
/// `window` later frames, so decoded frames wait in a short queue (as references to the decoder's
/// buffers) until their shot is known; then they are sampled, offered to the shot's reservoir and
/// released.
final class ScanPass {
  private struct PendingFrame {
    let index: Int
    let time: Double
    let frame: UnsafeMutablePointer<AVFrame>
    let isBlank: Bool
    /// Changed-cell fraction from the previous frame; `nil` for the first frame.
    let motion: Double?
  }

  private let input: MediaInput
  private let options: VideoScanOptions
  private let progress: (Double) -> Void
  private let isCancelled: () -> Bool
  private let onShot: ((ClosedShot) throws -> Void)?
  private let frames: ((VideoFrame) throws -> Void)?
  private var nextStreamTime = 0.0
  private let decoder: VideoStreamDecoder
  private let subtitleDecoders: [Int: SubtitleStreamDecoder]
  private let analysisScaler = FrameScaler()
  private let sampleScaler = FrameScaler()
  private var detector: ShotBoundaryDetector

  private let timeBase: Double
  private let origin: Int64
  private let nominalFrameDuration: Double
  private let sampleInterval: Double
  private var nextSampleTime = 0.0

  private var pending: [PendingFrame] = []
  private var previousPlanes: FramePlanes?
  private var checkedSize: (width: Int32, height: Int32)?
  private var frameCount = 0
  private var lastTime = 0.0
  private var lastFrameDuration = 0.0
  private var reportedProgress = 0.0

  private var samples: [VideoFrame] = []
  private var shots: [Shot] = []
  private var currentShot: (firstFrame: Int, startTime: Double)?
  private var reservoir: FrameReservoir<HeldFrame>
  /// Middle frames of an evenly spread subset of the shots, by shot number; `nil` when none are kept.
  private var shotFrames: FrameReservoir<VideoFrame>?
  private var motionSum = 0.0
  private var motionPairs = 0
  private var blankFrames = 0

  init(
    input: MediaInput,
    options: VideoScanOptions,
    progress: @escaping (Double) -> Void,
    isCancelled: @escaping () -> Bool,
    onShot: ((ClosedShot) throws -> Void)? = nil,
    frames: ((VideoFrame) throws -> Void)? = nil
  ) throws {
    self.input = input
    self.options = options
    self.progress = progress
    self.isCancelled = isCancelled
    self.onShot = onShot
    self.frames = frames
    let video = input.stream(input.videoStreamIndex)
    decoder = try VideoStreamDecoder(
      stream: video,
      threadCount: options.threadCount,
      maxPixels: options.limits.maxPixels
    )
    var subtitleDecoders: [Int: SubtitleStreamDecoder] = [:]
    if options.readsSubtitles {
      for info in input.info.subtitleStreams {
        subtitleDecoders[info.index] = SubtitleStreamDecoder(info: info, stream: input.stream(info.index))
      }
    }
    self.subtitleDecoders = subtitleDecoders
    // The demuxer can skip packets of every stream nobody reads (audio, bitmap subtitles).
    for index in 0..<input.streamCount where index != input.videoStreamIndex && subtitleDecoders[index] == nil {
      input.stream(index).pointee.discard = AVDISCARD_ALL
    }
    detector = ShotBoundaryDetector(options: options.shotDetection)
    reservoir = FrameReservoir(capacity: options.shotFrameCapacity)
    shotFrames = options.maxShotFrames > 0 ? FrameReservoir(capacity: max(options.maxShotFrames, 2)) : nil

    timeBase = FFmpegLibrary.seconds(video.pointee.time_base)
    let start = video.pointee.start_time
    origin = start == FFmpegLibrary.noTimestamp ? 0 : start
    let info = input.info
    nominalFrameDuration = info.frameRate > 0 ? 1 / info.frameRate : 0
    let interval = max(options.sampleInterval, 0.001)
    let cap = Double(max(options.maxSamples, 1))
    sampleInterval = info.duration / interval > cap ? info.duration / cap : interval
  }

  deinit {
    for entry in pending {
      var frame: UnsafeMutablePointer<AVFrame>? = entry.frame
      av_frame_free(&frame)
    }
  }

  func run() throws -> VideoScan {
    var packet = av_packet_alloc()
    var frame = av_frame_alloc()
    defer {
      av_packet_free(&packet)
      av_frame_free(&frame)
    }
    guard let packet, let frame else { throw VideoError.decodingFailed(reason: "out of memory") }

    // A read error after the start (a truncated or damaged file) ends the stream: what was read
    // is still decoded.
    while av_read_frame(input.context, packet) >= 0 {
      defer { av_packet_unref(packet) }
      try checkCancellation()
      let index = Int(packet.pointee.stream_index)
      if index == input.videoStreamIndex {
        decoder.send(packet)
        try receiveFrames(into: frame)
      } else if let subtitles = subtitleDecoders[index] {
        subtitles.decode(packet, origin: Double(origin) * timeBase)
      }
    }
    decoder.send(nil)
    try receiveFrames(into: frame)
    for verdict in detector.finish() { try settle(verdict) }
    if let currentShot { try closeShot(currentShot, endFrame: frameCount, endTime: lastTime + lastFrameDuration) }

    guard frameCount > 0 else {
      throw VideoError.decodingFailed(reason: decoder.lastRejection ?? "no frame could be decoded")
    }
    if ContainerPolicy.isAnimation(input.info.formatName), frameCount < 2 {
      throw VideoError.stillImage(format: input.info.formatName)
    }
    progress(1)
    for (number, frame) in shotFrames?.kept ?? [] { shots[number].middleFrame = frame }
    let tracks = subtitleDecoders.values.sorted { $0.info.index < $1.info.index }.map {
      SubtitleTrack(
        stream: $0.info,
        cues: $0.cues.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(
          \.element
        )
      )
    }
    return VideoScan(
      info: input.info,
      decodedFrameCount: frameCount,
      samples: samples,
      shots: shots,
      motion: motionPairs > 0 ? motionSum / Double(motionPairs) : 0,
      blankFrameCount: blankFrames,
      subtitles: tracks
    )
  }

  private func checkCancellation() throws {
    if isCancelled() || Task.isCancelled { throw VideoError.cancelled }
  }

  private func receiveFrames(into frame: UnsafeMutablePointer<AVFrame>) throws {
    while decoder.receive(into: frame) {
      defer { av_frame_unref(frame) }
      try accept(frame)
    }
  }

  private func accept(_ frame: UnsafeMutablePointer<AVFrame>) throws {
    try checkCancellation()
    let width = frame.pointee.width, height = frame.pointee.height
    if checkedSize.map({ $0 != (width, height) }) ?? true {
      try options.limits.check(width: Int(width), height: Int(height))
      checkedSize = (width, height)
    }
    let time = presentationTime(of: frame)
    if time > options.limits.maxDuration { throw VideoError.tooLong(seconds: time, limit: options.limits.maxDuration) }

    let (analysisWidth, analysisHeight) = Self.analysisSize(width: Int(width), height: Int(height))
    guard
      let planes = PlanarFrameShrinker.planes(frame, width: analysisWidth, height: analysisHeight)
        ?? analysisScaler.planes(frame, width: analysisWidth, height: analysisHeight)
    else {
      throw VideoError.decodingFailed(reason: "cannot convert a frame of pixel format \(frame.pointee.format)")
    }
    let motion = previousPlanes.flatMap { planes.changedCellFraction(from: $0, threshold: options.motionThreshold) }
    previousPlanes = planes
    guard let held = av_frame_alloc() else { throw VideoError.decodingFailed(reason: "out of memory") }
    av_frame_move_ref(held, frame)
    pending.append(
      PendingFrame(
        index: frameCount,
        time: time,
        frame: held,
        isBlank: planes.lumaStandardDeviation < options.blankLumaDeviation,
        motion: motion
      )
    )
    frameCount += 1
    lastTime = time
    let duration = held.pointee.pkt_duration
    lastFrameDuration = duration > 0 ? Double(duration) * timeBase : nominalFrameDuration

    for verdict in detector.append(FrameSignature(planes)) { try settle(verdict) }
    reportProgress(time)
  }

  private func presentationTime(of frame: UnsafeMutablePointer<AVFrame>) -> Double {
    var timestamp = frame.pointee.best_effort_timestamp
    if timestamp == FFmpegLibrary.noTimestamp { timestamp = frame.pointee.pts }
    guard timestamp != FFmpegLibrary.noTimestamp else {
      return frameCount == 0 ? 0 : lastTime + lastFrameDuration
    }
    return max(0, Double(timestamp - origin) * timeBase)
  }

  /// The frame at the head of the queue, now that its verdict is known.
  private func settle(_ verdict: ShotBoundaryDetector.Verdict) throws {
    let entry = pending.removeFirst()
    defer {
      var frame: UnsafeMutablePointer<AVFrame>? = entry.frame
      av_frame_free(&frame)
    }
    if verdict.startsShot {
      if let currentShot { try closeShot(currentShot, endFrame: entry.index, endTime: entry.time) }
      currentShot = (entry.index, entry.time)
      reservoir = FrameReservoir(capacity: options.shotFrameCapacity)
    } else if let motion = entry.motion {
      // Pairs across a cut are not motion.
      motionSum += motion
      motionPairs += 1
    }
    guard !entry.isBlank else {
      blankFrames += 1
      return
    }

    let tolerance = nominalFrameDuration / 2
    var converted: VideoFrame?
    if samples.count < options.maxSamples, entry.time + tolerance >= nextSampleTime {
      converted = try videoFrame(entry.frame, index: entry.index, time: entry.time)
      samples.append(converted!)
      while nextSampleTime <= entry.time + tolerance { nextSampleTime += sampleInterval }
    }
    if let frames, entry.time + tolerance >= nextStreamTime {
      try frames(try converted ?? videoFrame(entry.frame, index: entry.index, time: entry.time))
      while nextStreamTime <= entry.time + tolerance { nextStreamTime += max(options.streamInterval, 0.001) }
    }
    let offset = entry.index - (currentShot?.firstFrame ?? 0)
    if onShot != nil || shotFrames?.wants(offset: shots.count) ?? false, reservoir.wants(offset: offset),
      let held = HeldFrame(referencing: entry.frame, index: entry.index, time: entry.time)
    {
      reservoir.insert(held, at: offset)
    }
  }

  private func videoFrame(_ frame: UnsafeMutablePointer<AVFrame>, index: Int, time: Double) throws -> VideoFrame {
    let width = Int(frame.pointee.width), height = Int(frame.pointee.height)
    let scale = min(1, Double(max(options.sampleMaxSide, 1)) / Double(max(width, height)))
    let targetWidth = max(1, Int((Double(width) * scale).rounded()))
    let targetHeight = max(1, Int((Double(height) * scale).rounded()))
    guard let image = sampleScaler.rgb(frame, width: targetWidth, height: targetHeight) else {
      throw VideoError.decodingFailed(reason: "cannot convert a frame of pixel format \(frame.pointee.format)")
    }
    return VideoFrame(index: index, time: time, image: image.rotated(quarterTurns: input.info.rotation / 90))
  }

  /// Ends a shot; only its chosen middle frame is converted (or taken from the samples), and
  /// only when the shot is among those that keep one.
  private func closeShot(_ shot: (firstFrame: Int, startTime: Double), endFrame: Int, endTime: Double) throws {
    let number = shots.count
    if shotFrames?.wants(offset: number) ?? false,
      let held = reservoir.nearest(to: (endFrame - shot.firstFrame - 1) / 2)
    {
      let frame =
        try samples.last { $0.index == held.index } ?? videoFrame(held.frame, index: held.index, time: held.time)
      shotFrames?.insert(frame, at: number)
    }
    let closed = Shot(
      firstFrame: shot.firstFrame,
      endFrame: endFrame,
      startTime: shot.startTime,
      endTime: max(endTime, shot.startTime),
      middleFrame: nil
    )
    shots.append(closed)
    if let onShot {
      let reservoir = reservoir
      try onShot(
        ClosedShot(shot: closed) { [self] time in
          guard
            let held = reservoir.kept.min(by: { abs($0.element.time - time) < abs($1.element.time - time) })?.element
          else { return nil }
          return try videoFrame(held.frame, index: held.index, time: held.time)
        }
      )
    }
  }

  private func reportProgress(_ time: Double) {
    let duration = input.info.duration
    guard duration > 0 else { return }
    let fraction = min(1, time / duration)
    if fraction >= reportedProgress + 0.01 {
      reportedProgress = fraction
      progress(fraction)
    }
  }

  /// 128 pixels wide, the height keeping the aspect ratio, rounded to a multiple of 8 and kept
  /// within 32…256 so that the 8×8 grid has whole cells.
  static func analysisSize(width: Int, height: Int) -> (width: Int, height: Int) {
    let scaled = (128 * Double(height) / Double(width) / 8).rounded() * 8
    return (128, Int(min(max(scaled, 32), 256)))
  }
}
