import Foundation

/// The English class lists Debian's `opencv-doc` installs (see scripts/setup).
extension LabelSet {
  static let openCVData = URL(fileURLWithPath: "/usr/share/doc/opencv-doc/examples/data/dnn", isDirectory: true)

  /// ImageNet-1k in the classifier's output order, first synonym of each line.
  public static func imageNet() throws -> LabelSet {
    try LabelSet(
      contentsOf: openCVData.appendingPathComponent("classification_classes_ILSVRC2012.txt"), firstSynonymOnly: true)
  }

  /// COCO's 90 category ids: line `id` names id `id`, including the ten ids the 2017 dataset
  /// left unused (e.g. 12 "street sign"), which the detector never reports.
  public static func coco() throws -> LabelSet {
    try LabelSet(contentsOf: openCVData.appendingPathComponent("object_detection_classes_coco.txt"), firstIdentifier: 1)
  }
}
