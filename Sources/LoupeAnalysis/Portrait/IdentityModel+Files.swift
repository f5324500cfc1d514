import Foundation
import LoupeMedia

/// An identity model as files: `identity.json` (embedding, landmarks, photo states) and one
/// lossless `face-N.png` per aligned crop.
extension IdentityModel {
  static let manifestName = "identity.json"

  struct Manifest: Codable {
    var meanEmbedding: [Float]
    var referenceIndex: Int
    var photos: [PhotoState]
    var landmarks: [[Float]]
  }

  static func faceFileName(_ index: Int) -> String { "face-\(index).png" }

  public func files() throws -> [String: Data] {
    let manifest = Manifest(
      meanEmbedding: meanEmbedding,
      referenceIndex: referenceIndex,
      photos: photos,
      landmarks: faces.map { $0.landmarks.flatMap { [$0.x, $0.y] } }
    )
    var files = [Self.manifestName: try JSONEncoder().encode(manifest)]
    for (index, face) in faces.enumerated() {
      files[Self.faceFileName(index)] = Data(try ImageEncoder.encode(face.image, as: .png))
    }
    return files
  }

  /// Reads a model back; `file` returns a stored file by name. Throws when a file is missing or
  /// does not decode.
  public static func load(_ file: (String) async throws -> Data?) async throws -> IdentityModel {
    guard let manifestBytes = try await file(manifestName) else { throw IdentityModelError.missingFile(manifestName) }
    let manifest = try JSONDecoder().decode(Manifest.self, from: manifestBytes)
    var faces: [AlignedFace] = []
    for (index, flat) in manifest.landmarks.enumerated() {
      guard let bytes = try await file(faceFileName(index)) else {
        throw IdentityModelError.missingFile(faceFileName(index))
      }
      let image = try ImageDecoder().decode([UInt8](bytes)).pixels
      let points = stride(from: 0, to: flat.count - 1, by: 2).map { Point(x: flat[$0], y: flat[$0 + 1]) }
      faces.append(AlignedFace(image: image, landmarks: points))
    }
    guard faces.indices.contains(manifest.referenceIndex) else {
      throw IdentityModelError.missingFile("reference face")
    }
    return IdentityModel(
      meanEmbedding: manifest.meanEmbedding,
      faces: faces,
      referenceIndex: manifest.referenceIndex,
      photos: manifest.photos
    )
  }
}

public enum IdentityModelError: Error, Equatable, CustomStringConvertible {
  case missingFile(String)

  public var description: String {
    switch self {
    case .missingFile(let name): "the identity model has no \(name)"
    }
  }
}
