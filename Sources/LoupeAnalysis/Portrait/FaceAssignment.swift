/// How a portrait request's identities go into the template's faces, as PAI specifies them.
public enum FaceAssignment: Sendable, Equatable {
  /// The single-model request (`model_id`): the largest face takes the one identity and any
  /// other face stays as it is.
  case largestFace
  /// The multi-person request (`model_ids`, of any length): the template must show exactly one
  /// face per identity ("人脸数量与模型训练的model_id数量一致"), matched left to right.
  case everyFace
}
