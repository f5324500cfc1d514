import ArgumentParser
import Foundation
import LoupeMedia
import NIOHTTP1

struct CollectionsInsertCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "insert",
    abstract: "Insert image files, and the images in folders (recursively), with a progress bar.",
    discussion: """
      Each file becomes a row whose image vector fields' source holds the file's URL (and a string \
      field `name`, if the collection has one, its name). The CLI sends the images' bytes to the \
      server's embeddings API, so the server need not see the files; files that are not images \
      are skipped, and a file that fails is reported without stopping the rest.
      """
  )

  @OptionGroup var connection: KeyServerOptions
  @Argument(help: "The collection's name.") var name: String
  @Argument(help: "Image files and folders.") var paths: [String]
  @Option(help: "Images per request.") var batch = 16

  struct ImageField {
    var vector: String
    var source: String
    var model: String
  }

  func run() async throws {
    let client = try connection.client()
    let collection = try await client.call(.GET, "/v1/collections/\(name)") as? [String: Any] ?? [:]
    let fields = collection["fields"] as? [[String: Any]] ?? []
    let imageFields: [ImageField] = (collection["vector_fields"] as? [[String: Any]] ?? []).compactMap { field in
      guard field["source_type"] as? String == "image", let vector = field["name"] as? String,
        let source = field["source_field"] as? String, let model = field["model"] as? String
      else { return nil }
      return ImageField(vector: vector, source: source, model: model)
    }
    guard !imageFields.isEmpty else { throw CLIError("\(name) has no vector field filled from images") }
    let hasName = fields.contains { $0["name"] as? String == "name" && $0["type"] as? String == "string" }
    let stringKey =
      fields.first { $0["primary_key"] as? Bool == true && $0["type"] as? String == "string" }?["name"]
      as? String

    let (files, skipped) = try Self.images(in: paths)
    guard !files.isEmpty else { throw CLIError("no image files in \(paths.joined(separator: ", "))") }
    let progress = ProgressBar(total: files.count, unit: "images")
    var inserted = 0
    var failures: [(String, String)] = []
    for start in stride(from: 0, to: files.count, by: max(1, batch)) {
      let chunk = Array(files[start..<min(files.count, start + max(1, batch))])
      var embedded: [(URL, [String: [Double]])] = []
      for (file, result) in await embed(chunk, fields: imageFields, client: client) {
        switch result {
        case .success(let vectors): embedded.append((file, vectors))
        case .failure(let error): failures.append((file.path, error.description))
        }
      }
      if !embedded.isEmpty {
        let rows: [[String: Any]] = embedded.map { file, vectors in
          var row: [String: Any] = [:]
          for field in imageFields { row[field.source] = file.absoluteString }
          if hasName { row["name"] = file.lastPathComponent }
          if let stringKey { row[stringKey] = file.path }
          for (field, vector) in vectors { row[field] = vector }
          return row
        }
        let answer =
          try await client.call(.POST, "/v1/collections/\(name)/rows", body: ["rows": rows]) as? [String: Any]
        inserted += answer?["inserted"] as? Int ?? 0
        for error in answer?["errors"] as? [[String: Any]] ?? [] {
          guard let index = error["index"] as? Int, embedded.indices.contains(index) else { continue }
          failures.append((embedded[index].0.path, error["message"] as? String ?? "failed"))
        }
      }
      progress.advance(by: chunk.count)
    }
    progress.finish()
    print(
      "inserted \(inserted) of \(files.count) images into \(name)"
        + (skipped > 0 ? "; \(skipped) other files skipped" : "")
    )
    for (path, message) in failures { print("failed \(path): \(message)") }
    if inserted == 0 { throw CLIError("nothing was inserted") }
  }

  /// Each file's vectors by field, or why it could not be embedded. A batch is sent whole; when
  /// the server refuses it, its files are sent one by one so that one bad file fails alone.
  private func embed(
    _ files: [URL],
    fields: [ImageField],
    client: KeyAPIClient
  ) async -> [(URL, Result<[String: [Double]], CLIError>)] {
    var images: [(URL, String)] = []
    var results: [(URL, Result<[String: [Double]], CLIError>)] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file.path) else {
        results.append((file, .failure(CLIError("cannot read the file"))))
        continue
      }
      images.append((file, data.base64EncodedString()))
    }
    func vectors(_ batch: [(URL, String)]) async throws -> [[String: [Double]]] {
      var byFile = [[String: [Double]]](repeating: [:], count: batch.count)
      for field in fields {
        let answer =
          try await client.call(
            .POST,
            "/v1/embeddings",
            body: ["model": field.model, "input": batch.map { ["image": $0.1] }]
          ) as? [String: Any]
        for (index, item) in (answer?["data"] as? [[String: Any]] ?? []).enumerated() where index < batch.count {
          byFile[index][field.vector] = item["embedding"] as? [Double] ?? []
        }
      }
      return byFile
    }
    do {
      for (image, vectors) in zip(images, try await vectors(images)) { results.append((image.0, .success(vectors))) }
    } catch {
      for image in images {
        do {
          results.append((image.0, .success(try await vectors([image])[0])))
        } catch let error as CLIError {
          results.append((image.0, .failure(error)))
        } catch {
          results.append((image.0, .failure(CLIError("\(error)"))))
        }
      }
    }
    return results
  }

  /// The image files among `paths` (folders walked recursively, sorted), recognised by their
  /// first bytes, and how many other files were skipped.
  static func images(in paths: [String]) throws -> (files: [URL], skipped: Int) {
    var files: [URL] = []
    var skipped = 0
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw CLIError("\(path) does not exist")
      }
      let url = URL(fileURLWithPath: path).standardizedFileURL
      var candidates = [url]
      if isDirectory.boolValue {
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        candidates = (walker?.allObjects as? [URL] ?? []).filter {
          (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }.sorted { $0.path < $1.path }
      }
      for file in candidates {
        let head = (try? FileHandle(forReadingFrom: file)).flatMap { handle in
          defer { try? handle.close() }
          return try? handle.read(upToCount: 32)
        }
        if let head, ImageFormat.sniff(head) != nil { files.append(file) } else { skipped += 1 }
      }
    }
    return (files, skipped)
  }
}
