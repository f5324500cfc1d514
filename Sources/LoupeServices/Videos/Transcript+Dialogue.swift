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

extension SpeechTranscriber {
  /// The file's speech as dialogue, or none when its audio cannot be read: dialogue is evidence a
  /// video may lack, never a reason to fail its analysis.
  func dialogueEvents(of file: URL) async -> [DialogueEvent] {
    (try? await transcribe(file: file))?.dialogueEvents ?? []
  }
}
