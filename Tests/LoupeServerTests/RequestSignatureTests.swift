import Foundation
import LoupeTestSupport
import Testing

@testable import LoupeServer

/// Expected signatures were computed with `ai_service_python_sdk==1.1.5`'s own `util/sign.py`.
@Suite(.offCooperativePool) struct RequestSignatureTests {
  let pythonBody = #"{"action": "ImageQA", "image": "https://x/a.jpg", "model_name": "", "configure": {}}"#

  @Test func matchesThePythonSDK() {
    let signature = RequestSignature.sign(
      method: "POST",
      path: "/api/v1/images",
      body: Data(pythonBody.utf8),
      token: "secret-token"
    )
    #expect(signature == "e166259fa34d15340748ff59306e161fb38ca225aaa214b6a1b9db725e482516")
    #expect(
      RequestSignature.isValid(
        signature,
        method: "POST",
        path: "/api/v1/images",
        body: Data(pythonBody.utf8),
        token: "secret-token"
      )
    )
  }

  @Test func anyChangeInvalidates() {
    let signature = "e166259fa34d15340748ff59306e161fb38ca225aaa214b6a1b9db725e482516"
    let body = Data(pythonBody.utf8)
    #expect(!RequestSignature.isValid(signature, method: "POST", path: "/api/v1/images", body: body, token: "other"))
    #expect(
      !RequestSignature.isValid(signature, method: "POST", path: "/api/v1/videos", body: body, token: "secret-token")
    )
    #expect(
      !RequestSignature.isValid(signature, method: "GET", path: "/api/v1/images", body: body, token: "secret-token")
    )
    #expect(
      !RequestSignature.isValid(
        signature,
        method: "POST",
        path: "/api/v1/images",
        body: body + Data("\n".utf8),
        token: "secret-token"
      )
    )
    #expect(!RequestSignature.isValid("zz", method: "POST", path: "/api/v1/images", body: body, token: "secret-token"))
  }

  @Test func emptyPostBodyAcceptsPythonsBracesAndGosNothing() {
    let python = "e3eac726a830d9893a21e04c29502c9cba842d4f7764b4107da7c73c22263613"
    #expect(
      RequestSignature.isValid(
        python,
        method: "POST",
        path: "/api/v1/async_jobs/7",
        body: Data(),
        token: "secret-token"
      )
    )
    let go = RequestSignature.sign(method: "POST", path: "/api/v1/async_jobs/7", body: Data(), token: "secret-token")
    #expect(
      RequestSignature.isValid(go, method: "POST", path: "/api/v1/async_jobs/7", body: Data(), token: "secret-token")
    )
    #expect(
      RequestSignature.sign(method: "GET", path: "/api/v1/batch_jobs/3", body: Data(), token: "secret-token")
        == "96326e3664581ffe7fd3506ba4d9ca0c0b62f6c801a8e310087f4c6f0d223222"
    )
  }

  @Test func goStyleTrailingNewlineIsVerifiedOverTheBytesReceived() {
    let body = Data((pythonBody + "\n").utf8)
    let signature = RequestSignature.sign(method: "POST", path: "/api/v1/images", body: body, token: "t")
    #expect(RequestSignature.isValid(signature, method: "POST", path: "/api/v1/images", body: body, token: "t"))
  }
}
