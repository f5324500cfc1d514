import LoupeAnalysis

extension PortraitOptions {
  /// PAI's documented types and ranges; a key of the wrong type or out of range is a 400 naming
  /// it, unknown keys are ignored.
  init(_ configure: Configure) throws {
    self.init()
    moreLikeMe = try configure.number("more_like_me", in: 0...1, default: moreLikeMe)
    cropFacePreprocess = try configure.boolean("crop_face_preprocess", default: cropFacePreprocess)
    applyFaceFusionBefore = try configure.boolean("apply_face_fusion_before", default: applyFaceFusionBefore)
    applyFaceFusionAfter = try configure.boolean("apply_face_fusion_after", default: applyFaceFusionAfter)
    colorShiftMiddle = try configure.boolean("color_shift_middle", default: colorShiftMiddle)
    colorShiftLast = try configure.boolean("color_shift_last", default: colorShiftLast)
    skinRetouching = try configure.boolean("skin_retouching_bool", default: skinRetouching)
    photoEnhancement = try configure.boolean("photo_enhancement_bool", default: photoEnhancement)
    photoEnhancementMethod = EnhancementMethod(
      rawValue: try configure.choice(
        "photo_enhancement_method",
        from: EnhancementMethod.allCases.map(\.rawValue),
        default: photoEnhancementMethod.rawValue
      )
    )!
    makeupTransfer = try configure.boolean("makeup_transfer", default: makeupTransfer)
    makeupTransferRatio = try configure.number("makeup_transfer_ratio", in: 0...1, default: makeupTransferRatio)
    faceShapeMatch = try configure.boolean("face_shape_match", default: faceShapeMatch)
    styleName = Style(
      rawValue: try configure.choice("style_name", from: Style.allCases.map(\.rawValue), default: styleName.rawValue)
    )!
    sharpRatio = try configure.number("sharp_ratio", in: 0...1, default: sharpRatio)
    displayScore = try configure.boolean("display_score", default: displayScore)
    generative = try GenerativeOptions(configure)
  }
}

extension GenerativeOptions {
  static let keys = [
    "lora_weights", "first_diffusion_steps", "first_denoising_strength", "second_diffusion_steps",
    "second_denoising_strength", "ipa_control", "ipa_weight", "lcm_accelerate", "background_restore",
  ]

  init(_ configure: Configure) throws {
    self.init()
    loraWeights = try configure.number("lora_weights", in: 0.5...1, default: loraWeights)
    firstDiffusionSteps = try configure.integer("first_diffusion_steps", in: 20...50, default: firstDiffusionSteps)
    firstDenoisingStrength = try configure.number(
      "first_denoising_strength",
      in: 0...1,
      default: firstDenoisingStrength
    )
    secondDiffusionSteps = try configure.integer("second_diffusion_steps", in: 20...50, default: secondDiffusionSteps)
    secondDenoisingStrength = try configure.number(
      "second_denoising_strength",
      in: 0...1,
      default: secondDenoisingStrength
    )
    ipaControl = try configure.boolean("ipa_control", default: ipaControl)
    ipaWeight = try configure.number("ipa_weight", in: 0...1, default: ipaWeight)
    lcmAccelerate = try configure.boolean("lcm_accelerate", default: lcmAccelerate)
    backgroundRestore = try configure.boolean("background_restore", default: backgroundRestore)
    keysGiven = Self.keys.filter(configure.contains)
  }
}
