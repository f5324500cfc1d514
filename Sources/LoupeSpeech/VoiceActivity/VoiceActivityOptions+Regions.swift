extension VoiceActivityOptions {
  /// Speech regions from one probability per 512-sample window, by silero's hysteresis (start at
  /// `threshold`, end after `minSilenceSeconds` below `negativeThreshold`), with long regions cut
  /// at their last pause, then padded by `paddingSeconds` on both sides (half the gap where two
  /// regions are closer than twice that), as silero's and faster-whisper's
  /// `get_speech_timestamps` do.
  public func regions(from probabilities: [Float], sampleCount: Int) -> [SpeechRegion] {
    let rate = 16_000.0
    let window = VoiceActivityDetector.windowSamples
    let minSpeech = Int(minSpeechSeconds * rate)
    let pad = Int(paddingSeconds * rate)
    let maxSpeech = Int(maxSpeechSeconds * rate) - window - 2 * pad
    let minSilence = Int(minSilenceSeconds * rate)
    let minSilenceAtMax = Int(0.098 * rate)

    var regions: [SpeechRegion] = []
    var triggered = false
    var start = 0
    var tentativeEnd = 0
    var previousEnd = 0
    var nextStart = 0
    for (index, probability) in probabilities.enumerated() {
      let position = index * window
      if probability >= threshold, tentativeEnd != 0 {
        tentativeEnd = 0
        if nextStart < previousEnd { nextStart = position }
      }
      if probability >= threshold, !triggered {
        triggered = true
        start = position
        continue
      }
      if triggered, position - start > maxSpeech {
        if previousEnd != 0 {
          regions.append(SpeechRegion(start: start, end: previousEnd))
          if nextStart < previousEnd { triggered = false } else { start = nextStart }
        } else {
          regions.append(SpeechRegion(start: start, end: position))
          triggered = false
        }
        previousEnd = 0
        nextStart = 0
        tentativeEnd = 0
        if !triggered { continue }
      }
      if probability < negativeThreshold, triggered {
        if tentativeEnd == 0 { tentativeEnd = position }
        if position - tentativeEnd > minSilenceAtMax { previousEnd = tentativeEnd }
        if position - tentativeEnd < minSilence { continue }
        if tentativeEnd - start > minSpeech { regions.append(SpeechRegion(start: start, end: tentativeEnd)) }
        previousEnd = 0
        nextStart = 0
        tentativeEnd = 0
        triggered = false
      }
    }
    if triggered, sampleCount - start > minSpeech {
      regions.append(SpeechRegion(start: start, end: sampleCount))
    }
    return padded(regions, by: pad, sampleCount: sampleCount)
  }

  private func padded(_ regions: [SpeechRegion], by pad: Int, sampleCount: Int) -> [SpeechRegion] {
    var regions = regions
    for index in regions.indices {
      if index == 0 { regions[index].start = max(0, regions[index].start - pad) }
      if index == regions.count - 1 {
        regions[index].end = min(sampleCount, regions[index].end + pad)
        continue
      }
      let gap = regions[index + 1].start - regions[index].end
      let share = gap < 2 * pad ? gap / 2 : pad
      regions[index].end = min(sampleCount, regions[index].end + share)
      regions[index + 1].start = max(0, regions[index + 1].start - share)
    }
    return regions
  }
}
