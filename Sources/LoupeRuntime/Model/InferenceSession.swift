internal import COpenVINO

/// One infer request held for a run of dependent inferences (an autoregressive decoder), in which
/// some inputs stay bound across runs and outputs feed the next run without leaving OpenVINO.
///
/// `InferenceModel.run` copies every input in on every call; a decoder that attends to 37 MB of
/// encoder keys and values for each of a hundred tokens would spend its time copying them. A
/// session binds such inputs once (`bind`), replaces only what changes, and carries an output (the
/// grown key/value cache) over to an input as an OpenVINO tensor. Used by one task at a time,
/// inside `InferenceModel.withSession`.
public final class InferenceSession {
  private let model: InferenceModel
  private let request: InferRequestPool.Request
  /// The tensors this session set on the request, kept alive until replaced or the session ends.
  private var bound: [Int: OpaquePointer] = [:]

  init(model: InferenceModel, request: InferRequestPool.Request) {
    self.model = model
    self.request = request
  }

  deinit {
    bound.values.forEach { ov_tensor_free($0) }
  }

  /// Sets input `index` for every later run, until bound again.
  public func bind(_ tensor: Tensor, toInput index: Int) throws {
    guard model.inputs.indices.contains(index) else {
      throw RuntimeError.inputMismatch("\(model.path) has no input \(index)")
    }
    try InferenceModel.validate(tensor, against: model.inputs[index])
    try set(try InferenceModel.ownedTensor(tensor), input: index)
  }

  /// Runs the model on the bound inputs; outputs stay in the request until read.
  public func run() async throws {
    guard bound.count == model.inputs.count else {
      throw RuntimeError.inputMismatch("\(model.path) takes \(model.inputs.count) inputs, \(bound.count) bound")
    }
    try check(await request.completion.run { ov_infer_request_start_async(request.handle) }, "starting inference")
    try check(ov_infer_request_wait(request.handle), "inference of \(model.path)")
  }

  /// A copy of output `index` of the last run.
  public func output(_ index: Int) throws -> Tensor {
    try withOutput(index) { try InferenceModel.copy($0) }
  }

  /// Binds a copy of output `output` of the last run as input `input`, without a round trip
  /// through Swift arrays: the next run may overwrite the request's own output buffer.
  public func carry(output: Int, toInput input: Int) throws {
    let copy = try withOutput(output) { source -> OpaquePointer in
      var type = DYNAMIC
      try check(ov_tensor_get_element_type(source, &type), "output element type")
      var shape = ov_shape_t()
      try check(ov_tensor_get_shape(source, &shape), "output shape")
      defer { ov_shape_free(&shape) }
      var created: OpaquePointer?
      try check(ov_tensor_create(type, shape, &created), "carried tensor creation")
      guard let created else { throw RuntimeError.inputMismatch("carried tensor not created") }
      var size = 0
      var from: UnsafeMutableRawPointer?
      var to: UnsafeMutableRawPointer?
      do {
        try check(ov_tensor_get_byte_size(source, &size), "output size")
        try check(ov_tensor_data(source, &from), "output data")
        try check(ov_tensor_data(created, &to), "carried tensor data")
      } catch {
        ov_tensor_free(created)
        throw error
      }
      if size > 0, let from, let to { to.copyMemory(from: from, byteCount: size) }
      return created
    }
    try set(copy, input: input)
  }

  private func withOutput<R>(_ index: Int, _ body: (OpaquePointer) throws -> R) throws -> R {
    var tensor: OpaquePointer?
    try check(ov_infer_request_get_output_tensor_by_index(request.handle, index, &tensor), "reading output \(index)")
    guard let tensor else { throw RuntimeError.inputMismatch("output \(index) missing") }
    defer { ov_tensor_free(tensor) }
    return try body(tensor)
  }

  private func set(_ tensor: OpaquePointer, input index: Int) throws {
    do {
      try check(ov_infer_request_set_input_tensor_by_index(request.handle, index, tensor), "setting input \(index)")
    } catch {
      ov_tensor_free(tensor)
      throw error
    }
    if let old = bound.updateValue(tensor, forKey: index) { ov_tensor_free(old) }
  }
}

extension InferenceModel {
  /// Runs `body` with one infer request of this model's pool to itself; other callers wait for
  /// the other requests meanwhile.
  public func withSession<R>(_ body: (InferenceSession) async throws -> R) async throws -> R {
    try await requests.withRequest { request in
      try await body(InferenceSession(model: self, request: request))
    }
  }
}
