import LoupeAnalysis
import LoupeMedia
import LoupeRuntime
import LoupeServices
import LoupeTestSupport
import LoupeVision
import Testing

/// The ingest's keyframe analysis carries drawn faces, and the matcher names the character on
/// another picture of her from them: the path `LibraryIngestHandler`, `ReferenceImageEmbeddingHandler`
/// and `ProjectSignals` take, on the live models.
@Suite(.offCooperativePool) struct DrawnFaceAnalysisTests {
  @Test func aDrawnKeyframeIsMatchedToItsCharacter() async throws {
    try await withTaskExecutorPreference(OffPoolExecutor(label: "drawn-face-analysis-test")) {
      let options = InferenceOptions(precision: .f32, threads: 2)
      let dependencies = InstalledDependencies.directory
      let analysis = LiveClipAnalysis(
        tagger: try await ImageTagger.live(dependencies: dependencies, options: options),
        faces: try FaceAnalyzer.live(dependencies: dependencies, options: options),
        drawnFaces: try AnimeFaceDetector.live(dependencies: dependencies)
      )
      func analyzed(_ path: String) async throws -> ClipAnalysis {
        try await analysis.analyze(keyframe: try DrawnCharacterSet.keyframe(try DrawnImages.image(path)))
      }
      let eileen = try await analyzed(DrawnImages.eileenHappy)
      let sylvie = try await analyzed(DrawnImages.sylvieBlueNormal)
      let keyframe = try await analyzed(DrawnCharacterSet.demo + "eileen vhappy.png")
      #expect(eileen.drawnFaces.count == 1 && sylvie.drawnFaces.count == 1 && keyframe.drawnFaces.count == 1)
      #expect(keyframe.drawnFaces.allSatisfy { $0.count == ImageClassifier.featureDimension })
      // The sprite's face is 166 of its 720 pixels high (0.23): a medium shot.
      #expect(keyframe.shotSize == .mediumShot)

      func faces(_ result: ClipAnalysis) -> CharacterMatcher.Faces {
        CharacterMatcher.Faces(photographed: result.faces, drawn: result.drawnFaces)
      }
      let matches = CharacterMatcher.match(
        clips: [(1, faces(keyframe))],
        characters: ["eileen": faces(eileen), "sylvie": faces(sylvie)]
      )
      #expect(matches == [1: ["eileen"]])
    }
  }
}
