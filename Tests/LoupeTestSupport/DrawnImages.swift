import Foundation
import LoupeMedia

/// Drawn (anime-style) pictures that `scripts/setup` unpacks into `.deps/drawn` (never
/// committed): Ren'Py's demo, sample game and launcher from Debian, and the aliceADV template
/// from PyPI.
public enum DrawnImages {
  public static var root: URL {
    InstalledDependencies.directory.root.appendingPathComponent("drawn", isDirectory: true)
  }

  /// A file under `.deps/drawn`, e.g. `debian/usr/share/games/renpy/demo/game/images/eileen happy.png`.
  public static func url(_ relativePath: String) -> URL {
    root.appendingPathComponent(relativePath, isDirectory: false)
  }

  /// The picture decoded, transparency flattened on white as `ImageDecoder` does.
  public static func image(_ relativePath: String) throws -> PixelBuffer {
    try ImageDecoder().decode(contentsOf: url(relativePath)).pixels
  }

  public static let renpy = "debian/usr/share/games/renpy/"
  public static let eileenHappy = renpy + "demo/game/images/eileen happy.png"
  public static let lucyMad = renpy + "demo/game/images/lucy mad.png"
  public static let sylvieBlueNormal = renpy + "the_question/game/images/sylvie blue normal.png"
  public static let university = renpy + "the_question/game/images/bg uni.jpg"
}
