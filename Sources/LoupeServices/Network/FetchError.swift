/// Why a remote input could not be fetched. Refusals by policy are the client's fault (400);
/// failures of the remote side mean the input is unusable (462).
public enum FetchError: Error, Equatable, CustomStringConvertible {
  case unsupportedScheme(String)
  case unresolvable(String)
  case forbiddenAddress(host: String, address: String)
  case tooManyRedirects(Int)
  case tooLarge(limit: Int)
  case status(Int)
  case timedOut
  case transport(String)

  public var isPolicyRefusal: Bool {
    switch self {
    case .unsupportedScheme, .forbiddenAddress: true
    default: false
    }
  }

  public var description: String {
    switch self {
    case .unsupportedScheme(let scheme): "unsupported url scheme \(scheme.debugDescription)"
    case .unresolvable(let host): "cannot resolve host \(host)"
    case .forbiddenAddress(let host, let address):
      // The resolved address stays out of the message: it would map the server's network for
      // whoever asks. The case carries it for the log.
      "url host \(host) resolves to a private, loopback or link-local address the server may not fetch"
    case .tooManyRedirects(let limit): "more than \(limit) redirects"
    case .tooLarge(let limit): "resource is larger than \(limit) bytes"
    case .status(let code): "fetch resource failed\tcode = \(code)"
    case .timedOut: "fetch timed out"
    case .transport(let reason): "fetch failed: \(reason)"
    }
  }
}
