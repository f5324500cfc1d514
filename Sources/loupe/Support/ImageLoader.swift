import AsyncHTTPClient
import Foundation
import LoupeMedia
import LoupeServices

/// Reads an image named on the command line: a path, a `file://` URL or an `http(s)://` URL.
/// Remote images go through the server's guarded fetcher with its default policy: the same
/// limits, redirect checks and refusal of private, loopback and link-local addresses.
struct ImageLoader {
  var limits = ImageLimits.default

  func load(_ reference: String) async throws -> DecodedImage {
    let decoder = ImageDecoder(limits: limits)
    if let url = URL(string: reference), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" {
      var policy = FetchPolicy()
      policy.maxBytes = limits.maxBytes
      let client = RemoteFetcher.makeClient()
      let bytes: Data
      do {
        bytes = try await RemoteFetcher(client: client, policy: policy).fetch(url)
      } catch {
        try? await client.shutdown()
        throw error
      }
      try await client.shutdown()
      return try decoder.decode(bytes)
    }
    let path = reference.hasPrefix("file://") ? URL(string: reference)?.path ?? reference : reference
    guard FileManager.default.fileExists(atPath: path) else { throw CLIError("no such file: \(path)") }
    return try decoder.decode(contentsOf: URL(fileURLWithPath: path))
  }
}
