/// A dense, row-major tensor owned by Swift.
public struct Tensor: Sendable, Equatable {
  public enum Storage: Sendable, Equatable {
    case float32([Float])
    case uint8([UInt8])
    case int32([Int32])
    case int64([Int64])
  }

  public var shape: [Int]
  public var storage: Storage

  public init(shape: [Int], storage: Storage) {
    self.shape = shape
    self.storage = storage
    precondition(shape.reduce(1, *) == count, "shape \(shape) does not match \(count) elements")
  }

  public init(shape: [Int], floats: [Float]) {
    self.init(shape: shape, storage: .float32(floats))
  }

  public init(shape: [Int], bytes: [UInt8]) {
    self.init(shape: shape, storage: .uint8(bytes))
  }

  public var elementType: ElementType {
    switch storage {
    case .float32: .float32
    case .uint8: .uint8
    case .int32: .int32
    case .int64: .int64
    }
  }

  public var count: Int {
    switch storage {
    case .float32(let values): values.count
    case .uint8(let values): values.count
    case .int32(let values): values.count
    case .int64(let values): values.count
    }
  }

  /// The values as `Float`, converting integer storage.
  public var floats: [Float] {
    switch storage {
    case .float32(let values): values
    case .uint8(let values): values.map(Float.init)
    case .int32(let values): values.map(Float.init)
    case .int64(let values): values.map(Float.init)
    }
  }

  func withUnsafeRawBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    switch storage {
    case .float32(let values): try values.withUnsafeBytes(body)
    case .uint8(let values): try values.withUnsafeBytes(body)
    case .int32(let values): try values.withUnsafeBytes(body)
    case .int64(let values): try values.withUnsafeBytes(body)
    }
  }

  static func copying(_ bytes: UnsafeRawBufferPointer, type: ElementType, shape: [Int]) -> Tensor {
    switch type {
    case .float32: Tensor(shape: shape, storage: .float32(Array(bytes.bindMemory(to: Float.self))))
    case .uint8: Tensor(shape: shape, storage: .uint8(Array(bytes.bindMemory(to: UInt8.self))))
    case .int32: Tensor(shape: shape, storage: .int32(Array(bytes.bindMemory(to: Int32.self))))
    case .int64: Tensor(shape: shape, storage: .int64(Array(bytes.bindMemory(to: Int64.self))))
    }
  }
}
