/// The server's version, as `/v0/ping` reports it.
public enum LoupeVersion {
  public static let current = "0.1.0"
}
