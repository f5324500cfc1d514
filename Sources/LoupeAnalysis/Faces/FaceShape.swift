/// PAI's seven face shapes, named as its `FaceShape` keys.
public enum FaceShape: String, CaseIterable, Sendable, Codable {
  case triangle = "三角脸"
  case round = "圆脸"
  case heart = "心形脸"
  case square = "方形脸"
  case oval = "椭圆脸"
  case diamond = "菱形脸"
  case oblong = "长脸"
}
