import Foundation
import LoupeAnalysis

/// One photo's check as PAI reports it: in `check_results` of a check, and in the `states` of a
/// training job's `Result`, which the worker writes, so its shape lives here.
public struct PortraitCheckResult: Codable, Equatable, Sendable {
  public var code: Int
  public var frontal: Bool
  public var message: String
  public var url: String
  /// Loupe's addition: set when the photo is smaller than PAI asks for.
  public var warning: String?

  public init(_ photo: TrainingPhoto) {
    let minimumShortSide = PortraitChecker.minimumShortSide
    code = photo.check.code.rawValue
    frontal = photo.check.frontal
    message = photo.check.code.message
    url = photo.url
    let shortSide = photo.check.shortSide
    if shortSide > 0 && shortSide < minimumShortSide {
      warning = "the photo's short side is \(shortSide) px; at least \(minimumShortSide) px is recommended"
    }
  }
}

/// The training job's `Result`: PAI's `{cost_time, states, model_id}`.
struct PortraitTrainResult: Encodable {
  var costTime: Double
  var states: [PortraitCheckResult]
  var modelID: String

  enum CodingKeys: String, CodingKey {
    case states
    case costTime = "cost_time"
    case modelID = "model_id"
  }
}

/// A checked set of photos, as `aigc_images/check` answers it.
public struct PortraitCheckOutcome: Sendable {
  public var results: [PortraitCheckResult]
  public var urls: [String]
  public var costTime: Double
}

/// A queued training job and the identity it will train.
public struct PortraitTraining: Sendable {
  public var jobID: Int64
  public var modelID: String
}

/// A finished portrait as `aigc_images/create` answers it.
public struct PortraitCreated: Sendable {
  public var jpeg: [UInt8]
  public var modelIDs: [String]
  /// Per template face, left to right: the face-ID similarity of the result.
  public var similarities: [Float]
  /// Whether the request asked for `display_score`.
  public var displayScore: Bool
  /// The generative backend's keys the request set: validated and recorded, not applied.
  public var generativeKeys: [String]
  public var costTime: Double
}
