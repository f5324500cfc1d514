import Foundation
import LoupeJobs
import LoupeStore

extension LibraryActions {
  /// A character as written by `POST /v0/characters` and `PUT /v0/characters/{id}`.
  public struct CharacterInput: Sendable {
    public var name: String
    public var nameEN: String?
    public var aliases: [String] = []
    public var description: String?
    public var isProtagonist = false
    public var parentID: String?

    public init(name: String) {
      self.name = name
    }
  }

  /// A character with what its reads show: effective aliases and description (a variant's own,
  /// else its nearest ancestor's, named in `inherited`) and its images.
  public struct CharacterView: Sendable {
    public var record: CharacterRecord
    public var aliases: [String]
    public var description: String?
    /// Field name → the ancestor's id it was taken from.
    public var inherited: [String: String]
    public var images: [CharacterImageRecord]
  }

  public func createCharacter(
    _ input: CharacterInput,
    projectID: String,
    now: Date = Date()
  ) async throws
    -> CharacterView
  {
    try await check(input, projectID: projectID, id: nil)
    let record = try await repository.insert(
      CharacterRecord(
        id: UUID().uuidString.lowercased(),
        projectID: projectID,
        parentID: input.parentID,
        name: input.name.trimmingCharacters(in: .whitespacesAndNewlines),
        nameEN: input.nameEN,
        aliases: input.aliases,
        description: input.description,
        isProtagonist: input.isProtagonist,
        characterIndex: 0,
        createdAt: Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
      )
    )
    return try await view(record)
  }

  public func updateCharacter(
    id: String,
    with input: CharacterInput,
    visibleTo projects: Set<String>
  ) async throws
    -> CharacterView
  {
    var record = try await character(id: id, visibleTo: projects)
    try await check(input, projectID: record.projectID, id: id)
    record.name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
    record.nameEN = input.nameEN
    record.aliasList = input.aliases
    record.description = input.description
    record.isProtagonist = input.isProtagonist
    record.parentID = input.parentID
    try await repository.update(record)
    return try await view(record)
  }

  public func deleteCharacter(id: String, visibleTo projects: Set<String>) async throws {
    let record = try await character(id: id, visibleTo: projects)
    _ = try await repository.deleteCharacter(id: record.id)
    try await submitCharacterMatch(projectID: record.projectID)
  }

  /// Attaches one of the project's reference images to the character; clips are matched again
  /// in the background.
  public func attachImage(
    characterID: String,
    referenceImageID: String,
    role: CharacterImageRecord.Role,
    visibleTo projects: Set<String>
  ) async throws -> CharacterView {
    let record = try await character(id: characterID, visibleTo: projects)
    guard let image = try await repository.referenceImage(id: referenceImageID), image.projectID == record.projectID
    else {
      throw LibraryFailure.notFound("reference image \(referenceImageID)")
    }
    try await repository.attach(
      CharacterImageRecord(characterID: record.id, referenceImageID: image.id, role: role, position: 0)
    )
    try await submitCharacterMatch(projectID: record.projectID)
    return try await view(record)
  }

  public func character(id: String, visibleTo projects: Set<String>) async throws -> CharacterRecord {
    guard let record = try await repository.character(id: id), projects.contains(record.projectID) else {
      throw LibraryFailure.notFound("character")
    }
    return record
  }

  public func characterView(id: String, visibleTo projects: Set<String>) async throws -> CharacterView {
    try await view(try await character(id: id, visibleTo: projects))
  }

  /// A page of the project's characters, by index.
  public func characters(
    projectID: String,
    page: Int,
    pageSize: Int
  ) async throws -> (
    characters: [CharacterView], total: Int
  ) {
    let all = try await repository.characters(projectID: projectID)
    let start = (page - 1) * pageSize
    let slice = start < all.count ? Array(all[start..<min(all.count, start + pageSize)]) : []
    let images = try await repository.characterImages(of: slice.map(\.id))
    let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
    return (slice.map { Self.view($0, byID: byID, images: images[$0.id] ?? []) }, all.count)
  }

  /// The characters whose name, English name or one of their own aliases the query contains
  /// (compared NFKC-folded, case-insensitive, without spaces or punctuation; at least two
  /// characters, or one kana or CJK character). Inherited aliases do not count: they name the
  /// ancestor, which is matched itself.
  func characters(namedIn query: String, projectID: String) async throws -> [CharacterRecord] {
    let text = SubtitleMatch.normalized(query)
    guard !text.isEmpty else { return [] }
    return try await repository.characters(projectID: projectID).filter { character in
      let names = [character.name, character.nameEN ?? ""] + character.aliasList
      return names.map(SubtitleMatch.normalized).contains { name in
        (name.count >= 2 || name.unicodeScalars.contains { $0.value >= 0x3040 }) && text.contains(name)
      }
    }
  }

  private func view(_ record: CharacterRecord) async throws -> CharacterView {
    let all = try await repository.characters(projectID: record.projectID)
    let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
    return Self.view(record, byID: byID, images: try await repository.characterImages(of: [record.id])[record.id] ?? [])
  }

  static func view(
    _ record: CharacterRecord,
    byID: [String: CharacterRecord],
    images: [CharacterImageRecord]
  )
    -> CharacterView
  {
    var aliases = record.aliasList
    var description = record.description
    var inherited: [String: String] = [:]
    var ancestor = record.parentID.flatMap { byID[$0] }
    var seen: Set<String> = [record.id]
    while let current = ancestor, seen.insert(current.id).inserted {
      if aliases.isEmpty && !current.aliasList.isEmpty {
        aliases = current.aliasList
        inherited["aliases"] = current.id
      }
      if (description ?? "").isEmpty, let text = current.description, !text.isEmpty {
        description = text
        inherited["description"] = current.id
      }
      ancestor = current.parentID.flatMap { byID[$0] }
    }
    return CharacterView(
      record: record,
      aliases: aliases,
      description: description,
      inherited: inherited,
      images: images
    )
  }

  private func check(_ input: CharacterInput, projectID: String, id: String?) async throws {
    let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard (1...200).contains(name.count) else { throw LibraryFailure.invalid("name must be 1–200 characters") }
    guard input.aliases.count <= 100, input.aliases.allSatisfy({ (1...200).contains($0.count) }) else {
      throw LibraryFailure.invalid("aliases: at most 100, each 1–200 characters")
    }
    guard (input.description ?? "").count <= 10_000 else {
      throw LibraryFailure.invalid("description is limited to 10,000 characters")
    }
    guard let parentID = input.parentID else { return }
    guard let parent = try await repository.character(id: parentID), parent.projectID == projectID else {
      throw LibraryFailure.notFound("parent character \(parentID)")
    }
    // A variant may not become its own ancestor.
    var ancestor: CharacterRecord? = parent
    while let current = ancestor {
      if current.id == id { throw LibraryFailure.invalid("parent_id would make the character its own ancestor") }
      ancestor = try await current.parentID.asyncMap { try await repository.character(id: $0) } ?? nil
    }
  }

  func submitCharacterMatch(projectID: String, now: Date = Date()) async throws {
    _ = try await queue.submit(
      NewJob(
        appID: LibraryMediaRepository.jobAppID,
        kind: CharacterMatchHandler.jobKind,
        action: "match",
        object: projectID,
        request: "{}"
      ),
      now: now
    )
  }
}

extension Optional {
  fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
    guard let value = self else { return nil }
    return try await transform(value)
  }
}
