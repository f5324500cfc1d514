import Foundation

/// The English class lists Debian's `opencv-doc` installs (see scripts/setup).
extension LabelSet {
  static let openCVData = URL(fileURLWithPath: "/usr/share/doc/opencv-doc/examples/data/dnn", isDirectory: true)

  /// ImageNet-1k in the classifier's output order, first synonym of each line.
  public static func imageNet() throws -> LabelSet {
    try LabelSet(
      contentsOf: openCVData.appendingPathComponent("classification_classes_ILSVRC2012.txt"),
      firstSynonymOnly: true
    )
  }

  /// COCO's 90 category ids: line `id` names id `id`, including the ten ids the 2017 dataset
  /// left unused (e.g. 12 "street sign"), which the detector never reports.
  public static func coco() throws -> LabelSet {
    try LabelSet(contentsOf: openCVData.appendingPathComponent("object_detection_classes_coco.txt"), firstIdentifier: 1)
  }
}

/// Loupe's own Simplified Chinese names, line-aligned with the OpenCV lists (checked by
/// scripts/models/check_label_tables.py).
extension LabelSet {
  public static func imageNetWithChinese() throws -> LabelSet {
    try imageNet().adding(language: .chinese, contentsOf: try bundledTable("imagenet_zh"))
  }

  public static func cocoWithChinese() throws -> LabelSet {
    try coco().adding(language: .chinese, contentsOf: try bundledTable("coco_zh"))
  }

  private static func bundledTable(_ name: String) throws -> URL {
    guard let url = Bundle.module.url(forResource: name, withExtension: "txt") else {
      throw LabelSetError.missingTable(name)
    }
    return url
  }
}
