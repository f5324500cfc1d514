import Foundation
import LoupeAnalysis
import LoupeServices
import LoupeTestSupport
import Testing

@testable import LoupeServer

/// Clients get stable messages; what would map the server (resolved internal addresses, file
/// paths, SQL, runtime errors naming model files) stays in the log.
@Suite(.offCooperativePool) struct ErrorExposureTests {
  @Test func unexpectedErrorsReachClientsAsAStableMessage() {
    let error = CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "/srv/loupe/data/loupe.sqlite"])
    let answer = PAIError(error)
    #expect(answer.status.code == 422 && answer.message == PAIError.unexpectedFailureMessage)
    #expect(!answer.message.contains("/srv"))
  }

  @Test func aRefusedURLDoesNotTellWhichInternalAddressItResolvedTo() {
    let refusal = FetchError.forbiddenAddress(host: "files.internal", address: "10.20.30.40")
    let answer = PAIError(InputError.refused(field: "image", reason: refusal.description))
    #expect(answer.status == .badRequest && answer.message.contains("files.internal"))
    #expect(!answer.message.contains("10.20.30.40"))
  }

  @Test func modelFaultsTellTheStepNotTheRuntimeDetail() {
    let fault = AnalysisError.modelFault(step: "tagging models failed", detail: "inference of /opt/models/x.onnx")
    let answer = PAIError(fault)
    #expect(answer.message == "tagging models failed" && !answer.message.contains("/opt"))
  }
}
