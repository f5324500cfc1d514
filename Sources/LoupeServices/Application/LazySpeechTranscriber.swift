import LoupeAnalysis
import Synchronization

/// The speech models, loaded on first use: Whisper base and silero add several hundred
/// megabytes to the server, which only video jobs and library ingests of media with audio need.
/// A server that never meets audio never pays for them. Loading happens once, under a lock.
public final class LazySpeechTranscriber: Sendable {
  private let load: @Sendable () throws -> SpeechTranscriber
  private let loaded = Mutex<SpeechTranscriber?>(nil)

  public init(load: @escaping @Sendable () throws -> SpeechTranscriber) {
    self.load = load
  }

  /// The transcriber, loading the models if this is the first call.
  public func transcriber() throws -> SpeechTranscriber {
    try loaded.withLock { loaded in
      if let loaded { return loaded }
      let transcriber = try load()
      loaded = transcriber
      return transcriber
    }
  }
}
