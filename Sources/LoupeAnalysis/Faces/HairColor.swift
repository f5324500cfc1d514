import LoupeMedia

/// PAI's ten hair colours, named as its `HairColor` keys.
public enum HairColor: String, CaseIterable, Sendable, Codable {
  case other = "其他颜色"
  case coffee = "咖啡色"
  case grey = "奶奶灰"
  case chestnut = "栗色"
  case brown = "棕色"
  case gradient = "渐变色"
  case wineRed = "酒红色"
  case gold = "金色"
  case yellow = "黄色"
  case black = "黑色"

  /// A typical sRGB shade of each natural or dyed hair colour; pixels go to the nearest in
  /// CIELab. `other` (unnatural hues) and `gradient` (a property of the whole head) are decided
  /// by rules instead.
  static let references: [(color: HairColor, lab: CIELabColor)] = [
    (.black, CIELabColor(red: 28, green: 24, blue: 22)),
    (.coffee, CIELabColor(red: 80, green: 58, blue: 45)),
    (.chestnut, CIELabColor(red: 115, green: 60, blue: 38)),
    (.brown, CIELabColor(red: 140, green: 95, blue: 60)),
    (.gold, CIELabColor(red: 205, green: 165, blue: 95)),
    (.yellow, CIELabColor(red: 235, green: 205, blue: 60)),
    (.wineRed, CIELabColor(red: 115, green: 30, blue: 50)),
    (.grey, CIELabColor(red: 175, green: 175, blue: 172)),
  ]

  /// The colour of one hair pixel: saturated hues outside red-through-yellow (blue, green,
  /// purple, pink) are `other`; everything else takes the nearest reference shade.
  static func classify(_ lab: CIELabColor) -> HairColor {
    let hue = lab.hue
    if lab.chroma > 25 && (hue < -10 || hue > 110) { return .other }
    var best = HairColor.black, bestDistance = Float.infinity
    for reference in references {
      let distance = lab.distance(to: reference.lab)
      if distance < bestDistance { (best, bestDistance) = (reference.color, distance) }
    }
    return best
  }
}
