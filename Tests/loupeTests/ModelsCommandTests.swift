import Foundation
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct ModelsCommandTests {
  struct Entry: Decodable {
    var id: String
    var package: String
    var path: String
    var sha256: String
    var licence: String
    var present: Bool
    var verified: Bool?
  }

  @Test func listsEveryModelAsPresentAndVerified() async throws {
    let result = try await CLIRunner.run(["models", "--json", "--verify"])
    #expect(result.status == 0, "\(result.standardError)")
    let entries = try JSONDecoder().decode([Entry].self, from: Data(result.standardOutput.utf8))
    #expect(
      Set(entries.map(\.id)) == [
        "scrfd_500m", "arcface_w600k_mbf", "landmarks_2d106", "retinaface_mnet025", "face_mesh_468",
        "efficientnet_lite2", "ssd_mobilenet_v2_coco", "pose_detection", "pose_landmark_full",
        "age_v1", "gender_v1", "text_tokenizer", "text_encoder",
        "whisper_base_ct2", "whisper_base_tokenizer", "whisper_base_encoder", "whisper_base_decoder", "silero_vad",
        "yamnet_w8a8", "yamnet_w8a8_weights", "yamnet_class_map",
        "ppocrv6_det_small", "ppocrv6_rec_small", "ppocrv6_characters", "ppocr_cls_mobile_v2", "animeface_nvxs",
      ]
    )
    for entry in entries {
      #expect(entry.present && entry.verified == true, "\(entry.id)")
      #expect(entry.sha256.count == 64 && !entry.licence.isEmpty && entry.package.contains("=="))
      #expect(FileManager.default.fileExists(atPath: entry.path))
    }
  }

  /// `--compile` loads every network OpenVINO reads, once each, into the installation's compiled
  /// models (`scripts/test` runs it before the suite, so the servers the suite starts import).
  @Test func compileLoadsEveryInstalledNetworkOnce() async throws {
    let result = try await CLIRunner.run(["models", "--compile"])
    #expect(result.status == 0, "\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n")
    let compiled = lines.dropLast().compactMap { $0.split(separator: " ").first.map(String.init) }
    #expect(
      compiled.sorted() == [
        "age_v1", "arcface_w600k_mbf", "efficientnet_lite2", "face_mesh_468", "gender_v1", "landmarks_2d106",
        "pose_detection", "pose_landmark_full", "ppocr_cls_mobile_v2", "ppocrv6_det_small", "ppocrv6_rec_small",
        "retinaface_mnet025", "scrfd_500m", "silero_vad", "ssd_mobilenet_v2_coco", "text_encoder",
        "whisper_base_decoder", "whisper_base_encoder", "yamnet_w8a8",
      ]
    )
    #expect(lines.last?.hasPrefix("19 networks in ") == true, "\(result.standardOutput)")
  }
}
