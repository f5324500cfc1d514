/// Every `configure` key of PAI's `aigc_images_create`, typed, with PAI's defaults. The face-fusion
/// renderer honours the keys in the first group; the second group only means something to a
/// diffusion model, so it is validated and carried for a generative backend.
public struct PortraitOptions: Sendable, Equatable {
  public enum EnhancementMethod: String, Sendable, CaseIterable {
    case photoFix = "photo_fix"
    case superResolution = "super_resolution"
  }

  public enum Style: String, Sendable, CaseIterable {
    case realistic = "Realistic"
    case anime = "Anime"
  }

  public var moreLikeMe = 0.5
  public var cropFacePreprocess = true
  public var applyFaceFusionBefore = true
  public var applyFaceFusionAfter = true
  public var colorShiftMiddle = true
  public var colorShiftLast = true
  public var skinRetouching = false
  public var photoEnhancement = true
  public var photoEnhancementMethod = EnhancementMethod.photoFix
  public var makeupTransfer = false
  public var makeupTransferRatio = 0.5
  public var faceShapeMatch = false
  public var styleName = Style.realistic
  public var sharpRatio = 0.15
  /// Loupe's addition: return each face's ArcFace similarity to its identity.
  public var displayScore = false

  public var generative = GenerativeOptions()

  public init() {}
}

/// The keys only a diffusion backend can honour (LoRA strength, diffusion steps and denoising,
/// IP-Adapter control, LCM sampling, background redraw).
public struct GenerativeOptions: Sendable, Equatable {
  public var loraWeights = 0.9
  public var firstDiffusionSteps = 50
  public var firstDenoisingStrength = 0.45
  public var secondDiffusionSteps = 30
  public var secondDenoisingStrength = 0.30
  public var ipaControl = false
  public var ipaWeight = 0.5
  public var lcmAccelerate = false
  public var backgroundRestore = false
  /// Which of these keys the request set, for the log.
  public var keysGiven: [String] = []

  public init() {}
}
