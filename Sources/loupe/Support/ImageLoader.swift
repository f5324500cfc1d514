import Foundation
import LoupeMedia

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Reads an image named on the command line: a path, a `file://` URL or an `http(s)://` URL.
struct ImageLoader {
  var limits = ImageLimits.default

  func load(_ reference: String) async throws -> DecodedImage {
    let decoder = ImageDecoder(limits: limits)
    if let url = URL(string: reference), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" {
      return try decoder.decode(try await download(url))
    }
    let path = reference.hasPrefix("file://") ? URL(string: reference)?.path ?? reference : reference
    guard FileManager.default.fileExists(atPath: path) else { throw CLIError("no such file: \(path)") }
    return try decoder.decode(contentsOf: URL(fileURLWithPath: path))
  }

  private func download(_ url: URL) async throws -> [UInt8] {
    var request = URLRequest(url: url)
    request.timeoutInterval = 30
    let (data, response) = try await URLSession.shared.data(for: request)
    if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
      throw CLIError("\(url) answered HTTP \(http.statusCode)")
    }
    guard data.count <= limits.maxBytes else {
      throw ImageError.tooManyBytes(count: data.count, limit: limits.maxBytes)
    }
    return Array(data)
  }
}
