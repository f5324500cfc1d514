import LoupeMedia

/// One photo submitted for training, as checked: where it came from (reported back in the
/// training result), its pixels (`nil` when it could not be fetched or decoded) and its check.
public struct TrainingPhoto: Sendable {
  public var url: String
  public var image: PixelBuffer?
  public var check: PortraitPhotoCheck

  public init(url: String, image: PixelBuffer?, check: PortraitPhotoCheck) {
    self.url = url
    self.image = image
    self.check = check
  }
}
