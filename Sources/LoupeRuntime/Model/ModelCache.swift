import Foundation
import Synchronization

/// Every compiled model of the process, keyed by model file and compile options, so a model
/// that several features use (SCRFD for face attributes and portraits, 2d106det for face shape
/// and identity training) is read and compiled once and shares one pool of infer requests.
///
/// A compiled model holds its weights and the CPU plugin's buffers: compiling a file twice
/// doubles both. Entries live as long as the process; models are few and all serve at once.
public final class ModelCache: Sendable {
  /// The process's cache; every live constructor loads through it.
  public static let shared = ModelCache()

  struct Key: Hashable {
    var path: String
    var options: InferenceOptions
  }

  private struct State {
    var models: [Key: InferenceModel] = [:]
    var compilations: [Key: Int] = [:]
  }

  private let state = Mutex(State())
  /// Serialises compiling, so two callers asking for one file at once do not both compile it;
  /// lookups of models already compiled do not wait for it.
  private let compiling = Mutex(())

  public init() {}

  /// The model at `path` compiled with `options`, compiled now if this is the first request.
  public func model(at path: String, options: InferenceOptions) throws -> InferenceModel {
    let key = Key(path: URL(fileURLWithPath: path).standardizedFileURL.path, options: options)
    if let model = state.withLock({ $0.models[key] }) { return model }
    return try compiling.withLock { _ in
      if let model = state.withLock({ $0.models[key] }) { return model }
      let model = try InferenceModel(path: key.path, options: options)
      state.withLock { state in
        state.models[key] = model
        state.compilations[key, default: 0] += 1
      }
      return model
    }
  }

  /// How many times the file at `path` was compiled with `options` (0 or 1 unless the cache is
  /// broken); for tests and diagnostics.
  public func compilations(at path: String, options: InferenceOptions) -> Int {
    let key = Key(path: URL(fileURLWithPath: path).standardizedFileURL.path, options: options)
    return state.withLock { $0.compilations[key] ?? 0 }
  }

  /// The files compiled with `options`, each once.
  public func compiledPaths(options: InferenceOptions) -> [String] {
    state.withLock { state in state.models.keys.filter { $0.options == options }.map(\.path).sorted() }
  }
}

extension DependenciesDirectory {
  /// The installed model `file` compiled with `options`, through the process-wide cache.
  public func model(
    _ file: ModelFile,
    options: InferenceOptions,
    cache: ModelCache = .shared
  ) throws
    -> InferenceModel
  {
    try cache.model(at: url(for: file).path, options: options)
  }
}
