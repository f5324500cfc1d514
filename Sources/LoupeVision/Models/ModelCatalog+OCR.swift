import LoupeRuntime

extension ModelCatalog {
  static let rapidOCR = "rapidocr==3.10.0"

  /// PP-OCRv6 small text detector (DB), shipped by rapidocr; `.deps/ocr` links the package.
  public static let ppOCRv6Detector = ModelFile(
    id: "ppocrv6_det_small",
    package: rapidOCR,
    path: "ocr/models/PP-OCRv6_det_small.onnx",
    sha256: "090f04abcd9d9a7498bc4ebf677e4cb9bdce1fe4197ddb7e529f1ef44e1ff94f",
    licence: "Apache-2.0"
  )

  /// PP-OCRv6 small recogniser (CTC over 18,708 characters, kana included).
  public static let ppOCRv6Recognizer = ModelFile(
    id: "ppocrv6_rec_small",
    package: rapidOCR,
    path: "ocr/models/PP-OCRv6_rec_small.onnx",
    sha256: "6f327246b50388f3c176ae304bd95767ea6dc0c9ae92153ef8cbe210b3c14884",
    licence: "Apache-2.0"
  )

  /// The recogniser's character list, one per line, extracted at setup from the ONNX metadata
  /// by scripts/models/extract_ocr_characters.py.
  public static let ppOCRv6Characters = ModelFile(
    id: "ppocrv6_characters",
    package: rapidOCR,
    path: "models/ppocrv6_characters.txt",
    sha256: "b5f2bfe2bdd9448429e3e82b51c789775d9b42f2403d082b00662eb77e401c5d",
    licence: "Apache-2.0"
  )

  /// PaddleOCR's text-line orientation classifier (upright or upside down).
  public static let ppOCRLineOrientation = ModelFile(
    id: "ppocr_cls_mobile_v2",
    package: rapidOCR,
    path: "ocr/models/ch_ppocr_mobile_v2.0_cls_mobile.onnx",
    sha256: "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c",
    licence: "Apache-2.0"
  )

  static let ocrModels = [ppOCRv6Detector, ppOCRv6Recognizer, ppOCRv6Characters, ppOCRLineOrientation]
}
