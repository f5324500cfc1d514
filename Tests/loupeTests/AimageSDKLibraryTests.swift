import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@testable import loupe

/// Seed 000's media library through its official client, aimage-sdk 0.8.0, unchanged, against a
/// real `loupe serve` process on the real models, set up with the CLI as a user would: two
/// generated episodes uploaded, ingested and searched by text, subtitle, screenshot and reference
/// image; clips read and edited; the error paths. Prints the server's memory after the ingest.
@Suite(.offCooperativePool) struct AimageSDKLibraryTests {
  @Test func officialClientDrivesTheLibrary() async throws {
    // Encoding takes seconds: off the cooperative pool, which the rest of the suite needs.
    let episodes = try await offCooperativePool { [try TestEpisodes.first(), try TestEpisodes.second()] }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-aimage-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let screenshots = try await Self.screenshots(of: episodes[0], in: folder)
    let shots = folder.appendingPathComponent("shots.json")
    try JSONSerialization.data(withJSONObject: screenshots).write(to: shots)
    // The reference image: the coffee photo itself, cropped, as a user would save a still.
    let coffee = try ImageDecoder().decode(contentsOf: TestEpisodes.file("skimage/data/coffee.png")).pixels
    let reference = folder.appendingPathComponent("coffee.jpg")
    let coffeeCrop = try #require(
      coffee.cropped(to: Rect(x: 60, y: 40, width: Float(coffee.width) - 120, height: Float(coffee.height) - 80))
    )
    try Data(try ImageEncoder.encode(coffeeCrop, as: .jpeg(quality: 80))).write(to: reference)
    let broken = folder.appendingPathComponent("broken.png")
    try Data("not an image".utf8).write(to: broken)

    let data = ["--data-dir", folder.appendingPathComponent("data").path]
    func json(_ arguments: [String]) async throws -> [String: String] {
      let output = try await runProcess(CLIRunner.executable.path, arguments + data, in: CLIRunner.repository)
      return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: String])
    }
    let project = try #require(try await json(["library", "projects", "create", "anime", "--json"])["id"])
    let other = try #require(try await json(["library", "projects", "create", "other", "--json"])["id"])
    let key = try #require(
      try await json(["library", "keys", "create", "--name", "ci", "--project", "anime", "--json"])["key"]
    )
    let viewer = try #require(
      try await json(["library", "keys", "create", "--name", "viewer", "--project", "anime", "--read-only", "--json"])[
        "key"
      ]
    )

    let python = InstalledDependencies.directory.root.appendingPathComponent("key-clients/bin/python").path
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/aimage_library_flow.py").path
    let server = try await CLIRunner.startServer(data)
    defer { _ = server.stop() }
    let output = try await runProcess(
      python,
      [
        script, server.baseURL, key, viewer, project, other, episodes[0].url.path, episodes[1].url.path,
        reference.path, broken.path, shots.path, TestEpisodes.file("skimage/data/astronaut.png").path,
      ]
    )
    print(
      "library server after both episodes: RSS \((server.residentKilobytes() ?? 0) / 1024) MiB, "
        + "peak \((server.peakResidentKilobytes() ?? 0) / 1024) MiB"
    )
    let out = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    try Self.check(out, episodes: episodes)
  }

  /// Screenshots of every clip of `episode`: the middle frame cropped to 80 %, downscaled to 60 %
  /// and saved at JPEG quality 60, base64-encoded.
  static func screenshots(of episode: TestEpisode, in folder: URL) async throws -> [String] {
    var screenshots: [String] = []
    for time in episode.times {
      let frame = folder.appendingPathComponent("frame.png")
      let arguments = [
        "-ss", String((time.start + time.end) / 2), "-i", episode.url.path, "-frames:v", "1", frame.path,
      ]
      try await offCooperativePool { try TestClips.ffmpeg(arguments) }
      let pixels = try ImageDecoder().decode(contentsOf: frame).pixels
      let crop = try #require(pixels.centralCrop(0.8))
      let small = crop.resized(width: crop.width * 6 / 10, height: crop.height * 6 / 10)
      screenshots.append(Data(try ImageEncoder.encode(small, as: .jpeg(quality: 60))).base64EncodedString())
    }
    return screenshots
  }

  static func check(_ out: [String: Any], episodes: [TestEpisode]) throws {
    let finished = try #require(out["finished"] as? [[String: Any]])
    #expect(finished.map { $0["processing_status"] as? String } == ["completed", "completed"], "\(finished)")
    #expect(finished.map { $0["duration"] as? Int } == [13, 13] && finished[0]["width"] as? Int == 320)
    let listed = try #require(out["listed"] as? [String: Any])
    #expect(listed["total"] as? Int == 2 && listed["page_size"] as? Int == 20)

    let media = try #require(out["media"] as? [String: Any])
    #expect(media["range_status"] as? Int == 206 && media["range_length"] as? Int == 100, "\(media)")
    #expect((media["content_range"] as? String)?.hasPrefix("bytes 0-99/") == true)
    #expect(media["whole_status"] as? Int == 200)

    /// Which shot of which episode a clip is, by its time range.
    func shot(_ clip: [String: Any]) -> String? {
      guard let video = clip["video_id"] as? String, let start = clip["start_time"] as? Double,
        let episode = finished.firstIndex(where: { $0["id"] as? String == video })
      else { return nil }
      let times = episodes[episode].times
      guard let index = times.firstIndex(where: { start >= $0.start - 0.2 && start < $0.end - 0.2 }) else { return nil }
      return URL(fileURLWithPath: episodes[episode].shots[index].photo).lastPathComponent
    }
    func shots(_ answer: Any?) -> [String] {
      ((answer as? [String: Any])?["clips"] as? [[String: Any]] ?? []).map { shot($0) ?? "?" }
    }
    let texts = try #require(out["text_search"] as? [String: Any])
    for (query, photo) in [
      ("a cat", "chelsea.png"), ("a cup of coffee", "coffee.png"), ("a rocket", "rocket.jpg"),
      ("oranges", "orange.jpg"),
    ] {
      #expect(shots(texts[query]).prefix(3).contains(photo), "\(query): \(shots(texts[query]))")
      #expect((texts[query] as? [String: Any])?["ranking"] as? String == "semantic")
    }
    #expect(shots(out["subtitle_exact"]).first == "chelsea.png", "\(out["subtitle_exact"] ?? "")")
    #expect(shots(out["subtitle_two_chars"]) == ["chelsea.png"], "\(out["subtitle_two_chars"] ?? "")")
    #expect(shots(out["subtitle_fuzzy"]).first == "coffee.png", "\(out["subtitle_fuzzy"] ?? "")")
    let screenshots = try #require(out["screenshots"] as? [Any])
    #expect(
      screenshots.map { shots($0).first ?? "none" }
        == episodes[0].shots.map { URL(fileURLWithPath: $0.photo).lastPathComponent },
      "\(screenshots.map { shots($0) })"
    )

    #expect((out["reference_ready"] as? [String: Any])?["embedding_status"] as? String == "ready")
    #expect(shots(out["reference_search"]).first == "coffee.png", "\(shots(out["reference_search"]))")
    let clip = try #require(out["clip"] as? [String: Any])
    #expect(clip["subtitle"] as? String == "ありがとう、また明日" && clip["index"] as? Int == 2, "\(clip)")
    #expect((clip["thumbnail_url"] as? String)?.hasPrefix("http://127.0.0.1:") == true)
    #expect((out["updated"] as? [String: Any])?["description"] as? String == "the tabby on the sofa")
    #expect(shots(out["after_update"]) == ["chelsea.png"], "\(out["after_update"] ?? "")")

    func error(_ name: String) -> (Int?, String?) {
      let error = out[name] as? [String: Any]
      return (error?["status"] as? Int, error?["code"] as? String)
    }
    #expect(error("unready_reference") == (409, "REFERENCE_IMAGE_NOT_EMBEDDED"))
    #expect(error("other_project") == (404, "NOT_FOUND") && error("other_video") == (404, "NOT_FOUND"))
    #expect(error("after_delete") == (404, "NOT_FOUND"))
    #expect((out["listed_after_delete"] as? [String: Any])?["total"] as? Int == 1)
    // Every cut found within 0.2 s, no false cut: each episode's clips are its shots.
    let timelines = try #require(out["timelines"] as? [[String: Any]])
    for (episode, timeline) in zip(episodes, timelines) {
      let clips = try #require(timeline["clips"] as? [[String: Any]])
      #expect(timeline["ranking"] as? String == "filter")
      let starts = clips.compactMap { $0["start_time"] as? Double }
      #expect(starts.count == episode.shots.count, "\(starts)")
      for (start, time) in zip(starts, episode.times) { #expect(abs(start - time.start) <= 0.2, "\(starts)") }
    }
    // The shared opening: at 0:00 in episode 1, after a cold open in episode 2.
    let openings = Set(((out["openings"] as? [String: Any])?["clips"] as? [[String: Any]] ?? []).compactMap(shot))
    #expect(openings == ["astronaut.png", "rocket.jpg"], "\(out["openings"] ?? "")")
    #expect(((out["openings"] as? [String: Any])?["clips"] as? [Any])?.count == 4)

    // Characters: matched by face, named in queries, read as types.py says.
    #expect(Set(shots(out["with_character"])) == ["astronaut.png"], "\(out["with_character"] ?? "")")
    let characters = try #require((out["characters"] as? [String: Any])?["characters"] as? [[String: Any]])
    #expect(characters.count == 2 && characters[0]["name_en"] as? String == "Eileen", "\(characters)")
    #expect((characters[0]["main_image"] as? [String: Any])?["download_url"] is String)
    let variant = try #require(out["variant"] as? [String: Any])
    #expect(
      variant["aliases"] as? [String] == ["Commander Collins"] && variant["description"] as? String == "The astronaut."
    )
    #expect((variant["inherited"] as? [String: String])?["aliases"] == characters[0]["id"] as? String)
    let named = try #require(out["character_query"] as? [String: Any])
    #expect((named["matched_characters"] as? [[String: Any]])?.map { $0["name"] as? String } == ["アイリーン"])
    #expect(!shots(named).isEmpty && Set(shots(named)) == ["astronaut.png"], "\(named)")
    #expect(((out["visual_assets"] as? [String: Any])?["total"] as? Int ?? 0) >= 3)
    #expect(out["resolved_download"] as? Int == 200)

    #expect(error("wrong_key") == (401, "UNAUTHORIZED"))
    #expect(error("read_only_write") == (403, "FORBIDDEN"))
    #expect(out["read_only_read"] as? Int == 1)
  }
}
