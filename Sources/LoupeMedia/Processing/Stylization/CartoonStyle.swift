/// A flat, inked "anime" look: the image is smoothed several times with the bilateral filter
/// (flattening shading while keeping outlines), its colours are quantised in L\*a\*b\* (bands of
/// lightness and chroma), and pixels on strong lightness edges of the smoothed image are inked
/// dark.
public struct CartoonStyle: Sendable, Equatable {
  public var smoothingPasses: Int
  public var spatialSigma: Float
  /// In sample units (0…255 scale).
  public var rangeSigma: Float
  /// Width of a lightness band, in L\* units (0…100).
  public var lightnessStep: Float
  /// Width of an a\*/b\* band.
  public var chromaStep: Float
  /// Sobel gradient of L\* (L\* units per pixel) above which a pixel is an outline.
  public var edgeThreshold: Float
  /// Outline pixels keep this fraction of their lightness and half their chroma.
  public var edgeLightness: Float

  public init(
    smoothingPasses: Int = 4,
    spatialSigma: Float = 2.5,
    rangeSigma: Float = 18,
    lightnessStep: Float = 12,
    chromaStep: Float = 10,
    edgeThreshold: Float = 9,
    edgeLightness: Float = 0.25
  ) {
    self.smoothingPasses = smoothingPasses
    self.spatialSigma = spatialSigma
    self.rangeSigma = rangeSigma
    self.lightnessStep = lightnessStep
    self.chromaStep = chromaStep
    self.edgeThreshold = edgeThreshold
    self.edgeLightness = edgeLightness
  }

  /// The stylised image (sRGB, three channels, 0…255); other images come back unchanged.
  public func apply(to image: FloatImage) -> FloatImage {
    guard image.channels == 3, !image.isEmpty else { return image }
    var smooth = image
    for _ in 0..<max(0, smoothingPasses) {
      smooth = smooth.bilateralFiltered(spatialSigma: spatialSigma, rangeSigma: rangeSigma)
    }
    var lab = smooth.convertedToLab()
    let edges = Self.sobelMagnitude(ofChannel: 0, in: lab)
    let lightnessStep = max(lightnessStep, 1e-3), chromaStep = max(chromaStep, 1e-3)
    lab.samples.withUnsafeMutableBufferPointer { lab in
      edges.withUnsafeBufferPointer { edges in
        for pixel in 0..<edges.count {
          let index = pixel * 3
          var lightness = (lab[index] / lightnessStep).rounded() * lightnessStep
          var a = (lab[index + 1] / chromaStep).rounded() * chromaStep
          var b = (lab[index + 2] / chromaStep).rounded() * chromaStep
          if edges[pixel] > edgeThreshold {
            lightness *= edgeLightness
            a *= 0.5
            b *= 0.5
          }
          lab[index] = lightness
          lab[index + 1] = a
          lab[index + 2] = b
        }
      }
    }
    return lab.convertedToSRGB()
  }

  /// The Sobel gradient magnitude of one channel, normalised to units per pixel (kernel sum 8),
  /// edges extended by their nearest pixel.
  static func sobelMagnitude(ofChannel channel: Int, in image: FloatImage) -> [Float] {
    let width = image.width, height = image.height, channels = image.channels
    var magnitude = [Float](repeating: 0, count: image.pixelCount)
    image.samples.withUnsafeBufferPointer { samples in
      magnitude.withUnsafeMutableBufferPointer { magnitude in
        for y in 0..<height {
          let up = max(y - 1, 0), down = min(y + 1, height - 1)
          for x in 0..<width {
            let left = max(x - 1, 0), right = min(x + 1, width - 1)
            func at(_ x: Int, _ y: Int) -> Float { samples[(y * width + x) * channels + channel] }
            let gx =
              (at(right, up) + 2 * at(right, y) + at(right, down)) - (at(left, up) + 2 * at(left, y) + at(left, down))
            let gy =
              (at(left, down) + 2 * at(x, down) + at(right, down)) - (at(left, up) + 2 * at(x, up) + at(right, up))
            magnitude[y * width + x] = (gx * gx + gy * gy).squareRoot() / 8
          }
        }
      }
    }
    return magnitude
  }
}
