import LoupeMedia

/// One face of the template taking one identity, inside a working crop. The stages, each driven
/// by its `configure` key:
///
/// 1. the reference face warped onto the template's landmarks (`IdentityWarp`), with its
///    features moved towards the person's own proportions as `more_like_me` says, and with
///    `face_shape_match` the outline halfway to the person's own;
/// 2. `apply_face_fusion_before`: Poisson (seamless) cloning of the warped face into the
///    template, mixed in over the feathered face mask at `identityStrength`, which
///    `more_like_me` sets;
/// 3. `color_shift_middle`: the fused face's L\*a\*b\* mean and spread moved to the template
///    face's (cloning takes its colours from the face's edge, which can drift inside);
/// 4. `skin_retouching_bool`: edge-preserving smoothing of the skin (not eyes, brows, lips) and a
///    touch of lightness;
/// 5. `makeup_transfer`: lip and eye-shadow colour of the template, at `makeup_transfer_ratio`;
/// 6. `apply_face_fusion_after`: the identity's eyes, nose, mouth and brows mixed in again at
///    half strength, colour-matched to the result, restoring what 4 and 5 softened;
/// 7. `color_shift_last`: the skin's colour pulled halfway back to the template's skin;
/// 8. `photo_enhancement_bool` with `photo_fix`: light denoising and detail; `sharp_ratio`: an
///    unsharp mask. These touch the whole crop.
struct FaceFusion {
  let template: FloatImage
  let landmarks: [Point]
  let identity: IdentityModel
  let options: PortraitOptions

  /// How much of the identity replaces the template face: 0.8 + 0.2 · `more_like_me`.
  var identityStrength: Float { Float(0.8 + 0.2 * options.moreLikeMe) }

  /// How far the eyes, brows, nose and mouth move to the person's own proportions:
  /// 0.5 + 0.5 · `more_like_me`.
  var geometryShift: Float { Float(0.5 + 0.5 * options.moreLikeMe) }

  func fused() -> FloatImage {
    let target = IdentityWarp.targetLandmarks(
      template: landmarks,
      identity: identity.reference.landmarks,
      featureShift: geometryShift,
      contourShift: options.faceShapeMatch ? 0.5 : 0
    )
    // Regions of the fused face (where the identity's features now are) and of the template's
    // own face (where its colours are measured).
    let regions = FaceRegions(landmarks: target, width: template.width, height: template.height)
    let templateRegions = FaceRegions(landmarks: landmarks, width: template.width, height: template.height)
    var result = template
    guard
      let (warped, coverage) = IdentityWarp.warp(
        identity.reference,
        onto: target,
        width: template.width,
        height: template.height
      )
    else { return enhanced(result) }
    let face = regions.face.intersection(coverage.eroded(radius: 2)) ?? regions.face
    if options.applyFaceFusionBefore {
      let core = Mask(width: face.width, height: face.height, values: face.values.map { $0 > 0.5 ? 1 : 0 }) ?? face
      let cloned = SeamlessBlending().blend(warped, into: template, mask: core) ?? warped
      result = result.blended(with: cloned, mask: face.scaled(by: identityStrength)) ?? result
    }
    if options.colorShiftMiddle {
      result = ColorTransfer().apply(to: result, in: face, matching: template, in: templateRegions.face) ?? result
    }
    if options.skinRetouching {
      let skin = regions.skin
      let smooth = result.bilateralFiltered(spatialSigma: max(1, regions.faceSize * 0.012), rangeSigma: 18)
        .mapSamples { min(255, $0 * 1.03) }
      result = result.blended(with: smooth, mask: skin.scaled(by: 0.8)) ?? result
    }
    if options.makeupTransfer {
      let ratio = Float(options.makeupTransferRatio)
      for (region, source) in [(regions.lips, templateRegions.lips), (regions.eyeShadow, templateRegions.eyeShadow)] {
        result = ColorTransfer(strength: ratio).apply(to: result, in: region, matching: template, in: source) ?? result
      }
    }
    if options.applyFaceFusionAfter {
      let features = regions.features.intersection(coverage.eroded(radius: 2)) ?? regions.features
      let details = ColorTransfer().apply(to: warped, in: features, matching: result, in: features) ?? warped
      result = result.blended(with: details, mask: features.scaled(by: identityStrength / 2)) ?? result
    }
    if options.colorShiftLast {
      result =
        ColorTransfer(strength: 0.5).apply(
          to: result,
          in: regions.skin,
          matching: template,
          in: templateRegions.skin
        ) ?? result
    }
    return enhanced(result)
  }

  private func enhanced(_ image: FloatImage) -> FloatImage {
    var result = image
    if options.photoEnhancement && options.photoEnhancementMethod == .photoFix {
      result = result.denoised(strength: 0.5).sharpened(amount: 0.4, radius: 1.2, threshold: 2)
    }
    if options.sharpRatio > 0 {
      result = result.sharpened(amount: Float(options.sharpRatio) * 2, radius: 1, threshold: 1)
    }
    return result
  }
}

extension Mask {
  /// Every value times `factor`.
  func scaled(by factor: Float) -> Mask {
    Mask(width: width, height: height, values: values.map { $0 * factor }) ?? self
  }
}
