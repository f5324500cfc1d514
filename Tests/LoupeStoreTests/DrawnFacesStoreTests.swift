import Foundation
import Testing

@testable import LoupeStore

/// Drawn faces (1280-d) are stored beside photographed ones (512-d) on clips and reference images,
/// and come back split by kind for the matcher.
@Suite struct DrawnFacesStoreTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-drawn-\(UUID().uuidString)")

  static func vector(_ dimension: Int, _ seed: Float) -> [Float] {
    (0..<dimension).map { Float($0 % 7) * seed }
  }

  @Test func bothKindsOfFacesRoundTrip() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try LoupeDatabase(directory: directory)
    let project = try await LibraryRepository(database: database).createProject(name: "anime")
    let media = LibraryMediaRepository(database: database)
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    let imageKey = "\(project.id)/reference-images/eileen.png"
    try await media.record(
      LibraryUpload(
        objectKey: imageKey,
        projectID: project.id,
        kind: .referenceImage,
        fileName: "eileen.png",
        contentType: "image/png",
        size: 1,
        createdAt: now
      )
    )
    let image = ReferenceImageRecord(
      id: "image",
      projectID: project.id,
      name: "Eileen",
      category: nil,
      tags: "[]",
      purpose: nil,
      license: "unknown",
      isSearchable: true,
      mimeType: "image/png",
      fileSize: 1,
      objectKey: imageKey,
      createdAt: now
    )
    try await media.register(image)
    let photographed = Self.vector(512, 0.5), drawn = [Self.vector(1280, 0.25), Self.vector(1280, 0.125)]
    try await media.setEmbedding(
      visual: Self.vector(1280, 1),
      semantic: nil,
      faces: [photographed],
      drawnFaces: drawn,
      ofReferenceImage: image.id
    )
    let character = try await media.insert(
      CharacterRecord(
        id: "eileen",
        projectID: project.id,
        parentID: nil,
        name: "Eileen",
        nameEN: nil,
        aliases: [],
        description: nil,
        isProtagonist: true,
        characterIndex: 0,
        createdAt: now
      )
    )
    try await media.attach(
      CharacterImageRecord(characterID: character.id, referenceImageID: image.id, role: .main, position: 0)
    )
    #expect(
      try await media.characterFaces(projectID: project.id) == [
        "eileen": FaceVectors(photographed: [photographed], drawn: drawn)
      ]
    )

    let videoKey = "\(project.id)/videos/episode.mp4"
    try await media.record(
      LibraryUpload(
        objectKey: videoKey,
        projectID: project.id,
        kind: .video,
        fileName: "episode.mp4",
        contentType: "video/mp4",
        size: 1,
        createdAt: now
      )
    )
    let video = LibraryVideo(
      id: "video",
      projectID: project.id,
      name: "Episode 1",
      season: 1,
      episode: 1,
      objectKey: videoKey,
      fileName: "episode.mp4",
      contentType: "video/mp4",
      fileSize: 1,
      status: .processing,
      createdAt: now
    )
    try await media.register(video)
    let clips = (0..<3).map { index in
      var clip = LibraryClip(
        videoID: video.id,
        projectID: project.id,
        index: index,
        startTime: Double(index),
        endTime: Double(index + 1),
        subtitle: nil,
        aiTags: nil,
        semantic: nil,
        visual: Self.vector(1280, 1),
        createdAt: now
      )
      // A drawn keyframe, a photographed one, and one without faces.
      if index == 0 { clip.drawnFaces = VectorBlob.data(drawn[0]) }
      if index == 1 { clip.faces = VectorBlob.data(photographed) }
      return clip
    }
    #expect(try await media.complete(videoID: video.id, clips: clips))
    let stored = try await media.clipFaces(projectID: project.id)
    #expect(
      stored.sorted { $0.id < $1.id }.map(\.faces) == [
        FaceVectors(drawn: [drawn[0]]), FaceVectors(photographed: [photographed]),
      ]
    )
  }
}
