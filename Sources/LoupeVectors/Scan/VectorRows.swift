/// Prepared vectors in one contiguous row-major buffer, with the id of each row and the row of
/// each id. Removal moves the last row into the hole, so rows stay dense and a scan reads one
/// unbroken block of memory.
struct VectorRows {
  let dimension: Int
  private(set) var values: [Float] = []
  private(set) var ids: [Int64] = []
  private var rowsByID: [Int64: Int] = [:]

  init(dimension: Int) {
    self.dimension = dimension
  }

  var count: Int { ids.count }

  func row(of id: Int64) -> Int? { rowsByID[id] }

  /// Stores `vector` (already prepared) under `id`; returns its row and whether it is new.
  @discardableResult
  mutating func upsert(_ vector: [Float], id: Int64) -> (row: Int, isNew: Bool) {
    if let row = rowsByID[id] {
      values.withUnsafeMutableBufferPointer { buffer in
        for (offset, value) in vector.enumerated() { buffer[row * dimension + offset] = value }
      }
      return (row, false)
    }
    let row = ids.count
    rowsByID[id] = row
    ids.append(id)
    values.append(contentsOf: vector)
    return (row, true)
  }

  /// Removes `id`; returns the row it held and the row moved into it (nil if it was the last).
  mutating func remove(id: Int64) -> (row: Int, movedFrom: Int?)? {
    guard let row = rowsByID.removeValue(forKey: id) else { return nil }
    let last = ids.count - 1
    if row != last {
      let moved = ids[last]
      ids[row] = moved
      rowsByID[moved] = row
      values.withUnsafeMutableBufferPointer { buffer in
        for offset in 0..<dimension { buffer[row * dimension + offset] = buffer[last * dimension + offset] }
      }
    }
    ids.removeLast()
    values.removeLast(dimension)
    return (row, row == last ? nil : last)
  }

  mutating func reserveCapacity(_ rows: Int) {
    values.reserveCapacity(rows * dimension)
    ids.reserveCapacity(rows)
    rowsByID.reserveCapacity(rows)
  }

  func vector(at row: Int) -> [Float] {
    Array(values[row * dimension..<(row + 1) * dimension])
  }
}
