import Foundation
import LoupeAnalysis
import LoupeMedia

/// The training-photo list of `check` and `train`, validated with PAI's 462 messages.
enum PortraitInputs {
  static let maxPhotos = 20
  /// Photos and templates are decoded shrunk to at most this many pixels (aspect kept): faces
  /// are detected on a 640-pixel copy and cropped to 112–256 pixels, so 4 megapixels keep every
  /// face that can be found sharp, and a panorama keeps PAI's 512-pixel short side, while 20
  /// photos of 100 megapixels cost 250 MB instead of 6 GB.
  static let workingPixels = 2048 * 2048

  static func photoURLs(_ value: JSONValue?) throws -> [String] {
    guard let value, value != .null else { throw ServiceError.invalidInput("Image not provided") }
    guard case .array(let items) = value else {
      throw ServiceError.invalidInput("Invalid input data: images must be a list of image URLs")
    }
    guard !items.isEmpty else { throw ServiceError.invalidInput("Image not provided") }
    guard items.count <= maxPhotos else {
      throw ServiceError.invalidInput("Invalid input data: at most \(maxPhotos) images, got \(items.count)")
    }
    return try items.enumerated().map { index, item in
      guard case .string(let url) = item else {
        throw ServiceError.invalidInput("Invalid input data: images[\(index)] must be a URL string")
      }
      do {
        _ = try MediaSource.parse(url, field: "images[\(index)]")
      } catch let error as InputError {
        throw ServiceError.invalidInput("Invalid input data: \(error)")
      }
      return url
    }
  }

  /// Every photo fetched and decoded (shrunk to `workingPixels`, off the cooperative pool), or
  /// `nil` where that failed (PAI's code 2). Each distinct URL is loaded and decoded once,
  /// however often the list names it.
  static func load(_ urls: [String], appID: String, loader: MediaLoader, decoder: ImageDecoder) async -> [PixelBuffer?]
  {
    var loaded: [String: PixelBuffer?] = [:]
    var photos: [PixelBuffer?] = []
    for url in urls {
      if let known = loaded[url] {
        photos.append(known)
        continue
      }
      let bytes = try? await loader.load(try MediaSource.parse(url), appID)
      var photo: PixelBuffer?
      if let bytes {
        photo = await offCooperativePool { try? decoder.decode(bytes, workingPixels: workingPixels).pixels }
      }
      loaded[url] = photo
      photos.append(photo)
    }
    return photos
  }
}
