import LoupeMedia

/// A drawn face found by AnimeFace 2009 (`AnimeFaceDetector`): its square box, the detector's
/// likelihood, the parts its regression places, and the colours it samples.
///
/// `leftEye` and `rightEye` are the character's own: the left eye is on the image's right.
public struct AnimeFace: Sendable, Equatable, Codable {
  public var box: Rect
  /// The detector's MLP output in 0.5…1 (it keeps nothing below 0.5).
  public var likelihood: Float
  public var leftEye: Rect
  public var rightEye: Rect
  public var nose: Point
  public var mouth: Rect
  public var chin: Point
  /// `nil` when the parts reach past the image's edge, where the library cannot sample them.
  public var colours: Colours?

  /// The dominant colour of the skin, hair and each eye (k-means over sampled pixels), sRGB 0…255.
  public struct Colours: Sendable, Equatable, Codable {
    public var skin: Colour
    public var hair: Colour
    public var leftEye: Colour
    public var rightEye: Colour

    public init(skin: Colour, hair: Colour, leftEye: Colour, rightEye: Colour) {
      self.skin = skin
      self.hair = hair
      self.leftEye = leftEye
      self.rightEye = rightEye
    }
  }

  public struct Colour: Sendable, Equatable, Codable {
    public var red: Float
    public var green: Float
    public var blue: Float

    public init(red: Float, green: Float, blue: Float) {
      self.red = red
      self.green = green
      self.blue = blue
    }
  }

  public init(
    box: Rect,
    likelihood: Float,
    leftEye: Rect,
    rightEye: Rect,
    nose: Point,
    mouth: Rect,
    chin: Point,
    colours: Colours?
  ) {
    self.box = box
    self.likelihood = likelihood
    self.leftEye = leftEye
    self.rightEye = rightEye
    self.nose = nose
    self.mouth = mouth
    self.chin = chin
    self.colours = colours
  }
}
