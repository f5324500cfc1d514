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
    var compiling: [Key: CompileLock] = [:]

    enum Lookup {
      case compiled(InferenceModel)
      case compile(CompileLock)
    }

    /// The model if compiled, else the lock to hold while compiling it.
    mutating func lookup(_ key: Key) -> Lookup {
      if let model = models[key] { return .compiled(model) }
      if let lock = compiling[key] { return .compile(lock) }
      let lock = CompileLock()
      compiling[key] = lock
      return .compile(lock)
    }
  }

  /// Held while one file compiles, so two callers asking for it at once do not both compile it.
  /// One lock per file, not one for the cache: with a single lock, a process loading a dozen
  /// models at once kept every waiting thread (Swift's few cooperative threads among them)
  /// blocked for the sum of all the compilations.
  private final class CompileLock: Sendable {
    let mutex = Mutex(())
  }

  private let state = Mutex(State())

  public init() {}

  /// The model at `path` compiled with `options`, compiled now (or imported from
  /// `compiledModels`) if this is the first request.
  public func model(
    at path: String,
    options: InferenceOptions,
    compiledModels: CompiledModelDirectory? = nil
  ) throws -> InferenceModel {
    let key = Key(path: URL(fileURLWithPath: path).standardizedFileURL.path, options: options)
    let lock: CompileLock
    switch state.withLock({ state in state.lookup(key) }) {
    case .compiled(let model): return model
    case .compile(let compileLock): lock = compileLock
    }
    return try lock.mutex.withLock { _ in
      if let model = state.withLock({ $0.models[key] }) { return model }
      let model = try InferenceModel(path: key.path, options: options, compiledModels: compiledModels)
      state.withLock { state in
        state.models[key] = model
        state.compilations[key, default: 0] += 1
        state.compiling[key] = nil
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
  /// The installed model `file` compiled with `options`, through the process-wide cache and the
  /// installation's compiled models.
  public func model(
    _ file: ModelFile,
    options: InferenceOptions,
    cache: ModelCache = .shared
  ) throws
    -> InferenceModel
  {
    try cache.model(at: url(for: file).path, options: options, compiledModels: compiledModels)
  }
}
