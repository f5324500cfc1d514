import Foundation
import LoupeMedia
import LoupeTestSupport

/// The labelled text-to-image gallery (Fixtures/semantic_gallery.json, written by
/// make_semantic_gallery.py): photos from installed packages and zh/en/ja queries, each with the
/// photos that answer it, split by photo into a tuning and a validation half.
struct SemanticGallery: Decodable {
  struct Photo: Decodable {
    var id: String
    var path: String
    var half: String
  }

  struct Query: Decodable {
    var text: String
    var language: String
    /// The photos that answer the query; the first decides its half.
    var relevant: [String]
    var half: String
  }

  var seed: Int
  var photos: [Photo]
  var queries: [Query]

  static func load() throws -> SemanticGallery {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/semantic_gallery.json")
    return try JSONDecoder().decode(SemanticGallery.self, from: Data(contentsOf: url))
  }

  /// Absolute paths are Debian files; the others are in the installed site-packages.
  static func image(_ path: String) throws -> PixelBuffer {
    path.hasPrefix("/")
      ? try ImageDecoder().decode(contentsOf: URL(fileURLWithPath: path)).pixels
      : try InstalledDependencies.photo(path)
  }
}
