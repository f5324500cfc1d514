import Foundation
import LoupeAnalysis
import LoupeMedia

extension Transcript {
  /// The recognised segments as dialogue events of the speech source.
  var dialogueEvents: [DialogueEvent] {
    segments.map {
      DialogueEvent(text: $0.text, start: $0.start, end: $0.end, source: .speech, confidence: Float($0.confidence))
    }
  }
}

extension LazySpeechTranscriber {
  /// The file's speech as dialogue, or none when its audio cannot be read or the models cannot
  /// be loaded: dialogue is evidence a video may lack, never a reason to fail its analysis.
  func dialogueEvents(of file: URL) async -> [DialogueEvent] {
    guard let transcriber = try? transcriber() else { return [] }
    return (try? await transcriber.transcribe(file: file))?.dialogueEvents ?? []
  }
}
