internal import COpenVINO
import Foundation

/// A model compiled once for the CPU and run many times, by many callers at once.
///
/// OpenVINO reads ONNX, TFLite and TensorFlow files directly. Each call borrows one of a small
/// pool of infer requests, so concurrent callers never share one.
public final class InferenceModel: @unchecked Sendable {
  public let path: String
  public let options: InferenceOptions
  public let inputs: [TensorInfo]
  public let outputs: [TensorInfo]

  private let compiledModel: OpaquePointer
  let requests: InferRequestPool

  /// Compiles the model at `path`; with `compiledModels`, imports it from there when an earlier
  /// process compiled it already, and otherwise compiles it and leaves it there.
  public init(
    path: String,
    options: InferenceOptions = InferenceOptions(),
    compiledModels: CompiledModelDirectory? = nil
  ) throws {
    self.path = path
    self.options = options
    try Self.checkReadable(path)
    let core = try OpenVINOCore.shared()
    let compiled =
      try compiledModels?.withEntry(for: path) { entry in
        entry.flatMap { try? Self.compileFile(path, options: options, core: core, cacheDirectory: $0) }
      } ?? Self.readAndCompile(path, options: options, core: core)
    do {
      inputs = try Self.ports(
        of: compiled,
        count: ov_compiled_model_inputs_size,
        port: ov_compiled_model_input_by_index
      )
      outputs = try Self.ports(
        of: compiled,
        count: ov_compiled_model_outputs_size,
        port: ov_compiled_model_output_by_index
      )
      requests = try InferRequestPool(compiledModel: compiled, count: options.concurrentRequests)
    } catch {
      ov_compiled_model_free(compiled)
      throw error
    }
    compiledModel = compiled
  }

  /// OpenVINO reads the file itself here, which lets it skip reading altogether when the cache
  /// holds the compiled model (the SSD detector's TensorFlow graph alone takes 10 s to read).
  private static func compileFile(
    _ path: String,
    options: InferenceOptions,
    core: OpenVINOCore,
    cacheDirectory: String
  ) throws -> OpaquePointer {
    try compile(path, options: options, extra: [("CACHE_DIR", cacheDirectory)]) { count, properties, compiled in
      ov_core_compile_model_from_file_props(core.handle, path, "CPU", count, properties, &compiled)
    }
  }

  /// Reads, then compiles: the uncached path, and the one whose errors tell a corrupt file from
  /// a failed compilation.
  private static func readAndCompile(
    _ path: String,
    options: InferenceOptions,
    core: OpenVINOCore
  ) throws
    -> OpaquePointer
  {
    var model: OpaquePointer?
    do {
      try check(ov_core_read_model(core.handle, path, nil, &model), "reading \(path)")
    } catch RuntimeError.openVINO(_, _, let message) {
      throw RuntimeError.modelFileCorrupt(path: path, reason: message)
    }
    guard let model else { throw RuntimeError.modelFileCorrupt(path: path, reason: "no model returned") }
    defer { ov_model_free(model) }
    return try compile(path, options: options) { count, properties, compiled in
      ov_core_compile_model_props(core.handle, model, "CPU", count, properties, &compiled)
    }
  }

  /// Runs one of OpenVINO's compile calls with `options` (and `extra`) as its properties.
  private static func compile(
    _ path: String,
    options: InferenceOptions,
    extra: [(String, String)] = [],
    _ call: (Int, UnsafePointer<ov_property_t>, inout OpaquePointer?) -> ov_status_e
  ) throws -> OpaquePointer {
    var compiled: OpaquePointer?
    try withProperties(for: options, extra: extra) { count, properties in
      try check(call(count, properties, &compiled), "compiling \(path)")
    }
    guard let compiled else {
      throw RuntimeError.openVINO(operation: "compiling \(path)", status: -1, message: "no compiled model returned")
    }
    return compiled
  }

  deinit {
    ov_compiled_model_free(compiledModel)
  }

  /// A property of the compiled model as OpenVINO reports it, e.g. `INFERENCE_PRECISION_HINT`
  /// or `INFERENCE_NUM_THREADS`: what the runtime actually uses, not what was asked for.
  public func compiledProperty(_ key: String) throws -> String {
    var value: UnsafeMutablePointer<CChar>?
    try check(ov_compiled_model_get_property(compiledModel, key, &value), "reading property \(key)")
    guard let value else { return "" }
    defer { ov_free(value) }
    return String(cString: value)
  }

  /// Runs the model on `inputs`, given in the model's input order, and returns every output.
  public func run(_ inputs: [Tensor]) async throws -> [Tensor] {
    guard inputs.count == self.inputs.count else {
      throw RuntimeError.inputMismatch("\(path) takes \(self.inputs.count) inputs, got \(inputs.count)")
    }
    for (tensor, info) in zip(inputs, self.inputs) {
      try Self.validate(tensor, against: info)
    }
    return try await requests.withRequest { request in
      try await infer(request, inputs: inputs)
    }
  }

  private func infer(_ request: InferRequestPool.Request, inputs: [Tensor]) async throws -> [Tensor] {
    // Inputs are copied into OpenVINO-owned tensors: Swift's array storage cannot be pinned
    // across the suspension while the request runs.
    let tensors = try inputs.map(Self.ownedTensor)
    defer { tensors.forEach { ov_tensor_free($0) } }
    for (index, tensor) in tensors.enumerated() {
      try check(ov_infer_request_set_input_tensor_by_index(request.handle, index, tensor), "setting input \(index)")
    }
    try check(await request.completion.run { ov_infer_request_start_async(request.handle) }, "starting inference")
    try check(ov_infer_request_wait(request.handle), "inference of \(path)")
    return try (0..<outputs.count).map { index in
      var tensor: OpaquePointer?
      try check(ov_infer_request_get_output_tensor_by_index(request.handle, index, &tensor), "reading output \(index)")
      guard let tensor else { throw RuntimeError.inputMismatch("output \(index) missing") }
      defer { ov_tensor_free(tensor) }
      return try Self.copy(tensor)
    }
  }

  static func ownedTensor(_ tensor: Tensor) throws -> OpaquePointer {
    var shape = ov_shape_t()
    let dims = tensor.shape.map(Int64.init)
    try check(ov_shape_create(Int64(dims.count), dims, &shape), "shape creation")
    defer { ov_shape_free(&shape) }
    var created: OpaquePointer?
    try check(ov_tensor_create(tensor.elementType.openVINO, shape, &created), "input tensor creation")
    guard let created else { throw RuntimeError.inputMismatch("input tensor not created") }
    var data: UnsafeMutableRawPointer?
    do {
      try check(ov_tensor_data(created, &data), "input tensor data")
    } catch {
      ov_tensor_free(created)
      throw error
    }
    tensor.withUnsafeRawBytes { bytes in
      if let data, let source = bytes.baseAddress { data.copyMemory(from: source, byteCount: bytes.count) }
    }
    return created
  }

  static func copy(_ tensor: OpaquePointer) throws -> Tensor {
    var type = DYNAMIC
    try check(ov_tensor_get_element_type(tensor, &type), "output element type")
    guard let elementType = ElementType(openVINO: type) else {
      throw RuntimeError.unsupportedElementType("OpenVINO element type \(type.rawValue)")
    }
    var shape = ov_shape_t()
    try check(ov_tensor_get_shape(tensor, &shape), "output shape")
    defer { ov_shape_free(&shape) }
    var byteSize = 0
    try check(ov_tensor_get_byte_size(tensor, &byteSize), "output size")
    var data: UnsafeMutableRawPointer?
    try check(ov_tensor_data(tensor, &data), "output data")
    let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : byteSize)
    return Tensor.copying(bytes, type: elementType, shape: dimensions(of: shape))
  }

  static func validate(_ tensor: Tensor, against info: TensorInfo) throws {
    if let expected = info.elementType, expected != tensor.elementType {
      throw RuntimeError.inputMismatch("\(info.name) wants \(expected.rawValue), got \(tensor.elementType.rawValue)")
    }
    guard info.shape.count == tensor.shape.count,
      zip(info.shape, tensor.shape).allSatisfy({ $0 == nil || $0 == $1 })
    else {
      throw RuntimeError.inputMismatch("\(info) cannot take shape \(tensor.shape)")
    }
  }

  private static func checkReadable(_ path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
      throw RuntimeError.modelFileMissing(path: path)
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw RuntimeError.modelFileCorrupt(path: path, reason: "not readable")
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size > 0 else { throw RuntimeError.modelFileCorrupt(path: path, reason: "file is empty") }
  }

  private static func withProperties<R>(
    for options: InferenceOptions,
    extra: [(String, String)] = [],
    _ body: (Int, UnsafePointer<ov_property_t>) throws -> R
  ) throws -> R {
    var pairs = [
      ("INFERENCE_PRECISION_HINT", options.precision.rawValue),
      ("PERFORMANCE_HINT", "LATENCY"),
    ]
    if let threads = options.threads { pairs.append(("INFERENCE_NUM_THREADS", String(threads))) }
    pairs += extra
    let strings = pairs.flatMap { [strdup($0.0)!, strdup($0.1)!] }
    defer { strings.forEach { free($0) } }
    let properties = stride(from: 0, to: strings.count, by: 2).map {
      ov_property_t(key: UnsafePointer(strings[$0]), value: UnsafeRawPointer(strings[$0 + 1]))
    }
    return try properties.withUnsafeBufferPointer { try body(properties.count, $0.baseAddress!) }
  }

  private typealias PortCount = (OpaquePointer?, UnsafeMutablePointer<Int>?) -> ov_status_e
  private typealias PortAt = (OpaquePointer?, Int, UnsafeMutablePointer<OpaquePointer?>?) -> ov_status_e

  private static func ports(of compiled: OpaquePointer, count: PortCount, port: PortAt) throws -> [TensorInfo] {
    var total = 0
    try check(count(compiled, &total), "port count")
    return try (0..<total).map { index in
      var handle: OpaquePointer?
      try check(port(compiled, index, &handle), "port \(index)")
      guard let handle else { throw RuntimeError.inputMismatch("port \(index) missing") }
      defer { ov_output_const_port_free(handle) }
      return try info(of: handle, index: index)
    }
  }

  private static func info(of port: OpaquePointer, index: Int) throws -> TensorInfo {
    var name: UnsafeMutablePointer<CChar>?
    let nameStatus = ov_port_get_any_name(port, &name)
    let portName = nameStatus == OK && name != nil ? String(cString: name!) : "#\(index)"
    if let name { ov_free(name) }
    var type = DYNAMIC
    try check(ov_port_get_element_type(port, &type), "port element type")
    var partial = ov_partial_shape_t()
    try check(ov_port_get_partial_shape(port, &partial), "port shape")
    defer { ov_partial_shape_free(&partial) }
    let rank = Int(partial.rank.max)
    let shape: [Int?] = (0..<max(rank, 0)).map { axis in
      let dimension = partial.dims[axis]
      return dimension.min == dimension.max ? Int(dimension.min) : nil
    }
    return TensorInfo(name: portName, elementType: ElementType(openVINO: type), shape: shape)
  }
}
