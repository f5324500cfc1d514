import Foundation
import LoupeAnalysis
import LoupeMedia

/// The training-photo list of `check` and `train`, validated with PAI's 462 messages.
enum PortraitInputs {
  static let maxPhotos = 20

  static func photoURLs(_ value: JSONValue?) throws -> [String] {
    guard let value, value != .null else { throw PAIError.invalidInput("Image not provided") }
    guard case .array(let items) = value else {
      throw PAIError.invalidInput("Invalid input data: images must be a list of image URLs")
    }
    guard !items.isEmpty else { throw PAIError.invalidInput("Image not provided") }
    guard items.count <= maxPhotos else {
      throw PAIError.invalidInput("Invalid input data: at most \(maxPhotos) images, got \(items.count)")
    }
    return try items.enumerated().map { index, item in
      guard case .string(let url) = item else {
        throw PAIError.invalidInput("Invalid input data: images[\(index)] must be a URL string")
      }
      do {
        _ = try MediaSource.parse(url, field: "images[\(index)]")
      } catch let error as InputError {
        throw PAIError.invalidInput("Invalid input data: \(error)")
      }
      return url
    }
  }

  /// Every photo decoded, or `nil` where it could not be fetched or decoded (PAI's code 2).
  static func load(_ urls: [String], appID: String, loader: MediaLoader, decoder: ImageDecoder) async -> [PixelBuffer?]
  {
    var photos: [PixelBuffer?] = []
    for url in urls {
      let bytes = try? await loader.load(try MediaSource.parse(url), appID)
      photos.append(bytes.flatMap { try? decoder.decode($0).pixels })
    }
    return photos
  }
}
