/// Keeps a bounded, evenly spaced subset of a sequence whose length is not known in advance: a
/// shot's frames, so that the one nearest the middle can be picked when the shot ends, or a
/// video's shots, so that a film with thousands of cuts keeps a bounded set of shot frames.
/// Elements at offsets that are multiples of a stride are kept; when the reservoir is full,
/// every other one is dropped and the stride doubles.
public struct FrameReservoir<Element> {
  public let capacity: Int
  public private(set) var stride = 1
  private var items: [(offset: Int, element: Element)] = []

  public init(capacity: Int = 16) {
    precondition(capacity >= 2, "a reservoir holds at least two frames")
    self.capacity = capacity
  }

  public var count: Int { items.count }

  /// Whether `insert(_:at:)` would keep an element at `offset`; lets callers skip preparing one
  /// that would be dropped.
  public func wants(offset: Int) -> Bool {
    offset % stride == 0 && (items.count < capacity || offset % (2 * stride) == 0)
  }

  /// Offers the element at `offset` (frames since the shot's start, shots since the video's; increasing).
  public mutating func insert(_ element: Element, at offset: Int) {
    guard wants(offset: offset) else { return }
    if items.count == capacity {
      stride *= 2
      items.removeAll { $0.offset % stride != 0 }
    }
    items.append((offset, element))
  }

  /// The kept elements with their offsets, in offset order.
  public var kept: [(offset: Int, element: Element)] { items }

  /// The kept element whose offset is nearest `offset` (the earlier one on a tie).
  public func nearest(to offset: Int) -> Element? {
    items.min { abs($0.offset - offset) < abs($1.offset - offset) }?.element
  }
}

extension FrameReservoir: Sendable where Element: Sendable {}
