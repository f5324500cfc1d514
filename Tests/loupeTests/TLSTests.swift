import Foundation
import LoupeTestSupport
import Testing

@testable import loupe

/// `loupe serve --tls-cert/--tls-key`: HTTPS only, with the given certificate; a wrong file stops
/// the server before it loads anything, naming the flag.
@Suite(.offCooperativePool) struct TLSTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-tls-\(UUID().uuidString)")

  /// A self-signed certificate for 127.0.0.1 and its key.
  func makeCertificate() async throws -> (certificate: URL, key: URL) {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let certificate = directory.appendingPathComponent("cert.pem")
    let key = directory.appendingPathComponent("key.pem")
    _ = try await runProcess(
      "/usr/bin/openssl",
      [
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.path, "-out", certificate.path,
      ]
    )
    return (certificate, key)
  }

  @Test func servesHTTPSWithTheGivenCertificateAndNothingElse() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (certificate, key) = try await makeCertificate()
    let fixture = try await ServeFixture(dataDirectory: directory.appendingPathComponent("data"), mediaRoot: directory)
    let server = try await fixture.startServer(["--tls-cert", certificate.path, "--tls-key", key.path])
    defer { _ = server.stop() }
    #expect(server.baseURL.hasPrefix("https://"))

    // Python's TLS client, verifying the chain against the certificate and the address.
    let python = CLIRunner.repository.appendingPathComponent(".deps/pai-sdk/bin/python").path
    let probe = """
      import json, ssl, sys, urllib.request, urllib.error
      context = ssl.create_default_context(cafile=sys.argv[2])
      health = urllib.request.urlopen(sys.argv[1] + "/healthz", context=context).read().decode()
      try:
          urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "/api/v1/images", data=b"{}"), context=context)
          unsigned = None
      except urllib.error.HTTPError as error:
          unsigned = json.loads(error.read())["message"]
      print(json.dumps({"health": health, "unsigned": unsigned}))
      """
    let output = try await runProcess(python, ["-c", probe, server.baseURL, certificate.path])
    let answers = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    #expect((answers["health"] as? String)?.contains("ok") == true, "\(answers)")
    #expect(answers["unsigned"] as? String == "not found appid", "the PAI envelope, over TLS: \(answers)")

    let plain = try RawConnection(port: server.port).exchange(
      "GET /healthz HTTP/1.1\r\nHost: loupe\r\n\r\n",
      timeout: .seconds(5)
    )
    #expect(!plain.contains("200 OK"), "plain HTTP is not served on the TLS port")
  }

  @Test func anUnreadableCertificateStopsTheServerNamingTheFlag() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let missing = directory.appendingPathComponent("missing.pem").path
    let result = try await CLIRunner.run([
      "serve", "--port", "0", "--data-dir", directory.appendingPathComponent("data").path, "--tls-cert", missing,
      "--tls-key", missing,
    ])
    #expect(result.status != 0)
    #expect(result.standardError.contains("cannot use --tls-cert \(missing)"), "\(result.standardError)")
  }
}
