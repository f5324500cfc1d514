import Crypto
import Foundation
import LoupeServices
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct TokenSignerTests {
  let signer = TokenSigner(key: SymmetricKey(size: .bits256))
  let now = Date(timeIntervalSince1970: 1_800_000_000)

  func token(_ grant: SignedToken.Grant = .upload, expiresIn seconds: Double = 60) -> SignedToken {
    SignedToken(
      grant: grant,
      subject: "p/videos/x/ep1.mp4",
      projectID: "p",
      contentType: "video/mp4",
      maxBytes: 100,
      expires: now.addingTimeInterval(seconds)
    )
  }

  @Test func aSealedTokenOpensUnchanged() throws {
    let sealed = try signer.seal(token())
    #expect(signer.open(sealed, grant: .upload, now: now) == token())
  }

  @Test func anAlteredTokenIsRefused() throws {
    var sealed = Array(try signer.seal(token()))
    sealed[5] = sealed[5] == "A" ? "B" : "A"
    #expect(signer.open(String(sealed), grant: .upload, now: now) == nil)
  }

  @Test func anExpiredTokenIsRefused() throws {
    #expect(signer.open(try signer.seal(token(expiresIn: -1)), grant: .upload, now: now) == nil)
  }

  @Test func aTokenGrantsOnlyItsOwnKind() throws {
    #expect(signer.open(try signer.seal(token(.thumbnail)), grant: .video, now: now) == nil)
  }

  @Test func anotherServersKeyDoesNotOpenIt() throws {
    let other = TokenSigner(key: SymmetricKey(size: .bits256))
    #expect(other.open(try signer.seal(token()), grant: .upload, now: now) == nil)
  }
}
