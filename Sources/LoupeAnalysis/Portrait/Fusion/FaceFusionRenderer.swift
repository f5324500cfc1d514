import LoupeMedia

/// Loupe's portrait engine without a diffusion model: each template face takes its identity by
/// `FaceFusion`, worked in a crop around the face (`crop_face_preprocess`: the face box grown by
/// 10% of its size on every side; outside it nothing changes) or on the whole photo. Then
/// `style_name: Anime` stylises the whole picture and `photo_enhancement_method:
/// super_resolution` doubles its size (Lanczos-3 and detail).
public struct FaceFusionRenderer: PortraitRenderer {
  /// The crop margin around the face box, as a fraction of the face's larger side.
  public static let cropMargin: Float = 0.1

  public init() {}

  public func render(
    template: PixelBuffer,
    faces: [TemplateFace],
    identities: [IdentityModel],
    options: PortraitOptions
  ) async throws -> PixelBuffer {
    precondition(faces.count == identities.count, "one identity per face")
    // Seconds of image arithmetic: kept off Swift concurrency's cooperative threads.
    return await offCooperativePool {
      renderNow(template: template, faces: faces, identities: identities, options: options)
    }
  }

  func renderNow(
    template: PixelBuffer,
    faces: [TemplateFace],
    identities: [IdentityModel],
    options: PortraitOptions
  )
    -> PixelBuffer
  {
    var image = FloatImage(template)
    for (face, identity) in zip(faces, identities) {
      let region = options.cropFacePreprocess ? Self.cropRegion(for: face.face.box, in: template) : nil
      image = fuse(face, identity, into: image, region: region, options: options)
    }
    if options.styleName == .anime {
      image = CartoonStyle().apply(to: image)
    }
    var output = PixelBuffer(image) ?? template
    if options.photoEnhancement && options.photoEnhancementMethod == .superResolution {
      output =
        PixelBuffer(FloatImage(output.upscaled(by: 2)).sharpened(amount: 0.5, radius: 1.5, threshold: 2)) ?? output
    }
    return output
  }

  /// The face box grown by `cropMargin` of the face's larger side, in whole pixels inside the image.
  static func cropRegion(for box: Rect, in image: PixelBuffer) -> (x: Int, y: Int, width: Int, height: Int) {
    let margin = max(box.width, box.height) * cropMargin
    let minX = max(0, Int((box.x - margin).rounded(.up))), minY = max(0, Int((box.y - margin).rounded(.up)))
    let maxX = min(image.width, Int((box.x + box.width + margin).rounded(.down)))
    let maxY = min(image.height, Int((box.y + box.height + margin).rounded(.down)))
    return (minX, minY, max(1, maxX - minX), max(1, maxY - minY))
  }

  private func fuse(
    _ face: TemplateFace,
    _ identity: IdentityModel,
    into image: FloatImage,
    region: (x: Int, y: Int, width: Int, height: Int)?,
    options: PortraitOptions
  ) -> FloatImage {
    guard let region else {
      return FaceFusion(template: image, landmarks: face.landmarks, identity: identity, options: options).fused()
    }
    let crop = image.cropped(x: region.x, y: region.y, width: region.width, height: region.height)
    let local = face.landmarks.map { Point(x: $0.x - Float(region.x), y: $0.y - Float(region.y)) }
    let fused = FaceFusion(template: crop, landmarks: local, identity: identity, options: options).fused()
    // The crop's enhancement fades out towards its edge, so no seam shows where it ends.
    let band = max(2, Float(min(region.width, region.height)) * 0.05)
    return image.pasting(fused, x: region.x, y: region.y, featheredOver: band)
  }
}

extension FloatImage {
  /// The samples of a rectangle that lies inside the image.
  func cropped(x: Int, y: Int, width cropWidth: Int, height cropHeight: Int) -> FloatImage {
    var samples = [Float]()
    samples.reserveCapacity(cropWidth * cropHeight * channels)
    for row in y..<(y + cropHeight) {
      let start = (row * width + x) * channels
      samples.append(contentsOf: self.samples[start..<(start + cropWidth * channels)])
    }
    return FloatImage(width: cropWidth, height: cropHeight, channels: channels, samples: samples)!
  }

  /// This image with `patch` laid over it at (`x`, `y`): fully inside, fading linearly to this
  /// image's own samples over `band` pixels at the patch's edge.
  func pasting(_ patch: FloatImage, x: Int, y: Int, featheredOver band: Float) -> FloatImage {
    var result = self
    for row in 0..<patch.height {
      let rowDistance = Float(min(row, patch.height - 1 - row))
      for column in 0..<patch.width {
        let distance = min(rowDistance, Float(min(column, patch.width - 1 - column)))
        let weight = min(1, (distance + 0.5) / band)
        let source = (row * patch.width + column) * channels
        let target = ((y + row) * width + x + column) * channels
        for channel in 0..<channels {
          result.samples[target + channel] += weight * (patch.samples[source + channel] - samples[target + channel])
        }
      }
    }
    return result
  }
}
