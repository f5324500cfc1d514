/// A model input or output as the model declares it; `nil` dimensions are dynamic.
public struct TensorInfo: Sendable, Equatable, CustomStringConvertible {
  public var name: String
  public var elementType: ElementType?
  public var shape: [Int?]

  public var description: String {
    let dims = shape.map { $0.map(String.init) ?? "?" }.joined(separator: "×")
    return "\(name) \(elementType?.rawValue ?? "?")[\(dims)]"
  }
}
