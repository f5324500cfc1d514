/// The 2,254 SSD anchor centres of MediaPipe's 224 × 224 pose detector, in 0…1 of the input:
/// two per cell of the 28² (stride 8) and 14² (stride 16) grids and six per cell of the 7² grid
/// (strides 32, 32 and 32 share it), each anchor a unit square (`fixed_anchor_size`).
enum PoseAnchors {
  static let inputSide = 224
  static let grids: [(stride: Int, perCell: Int)] = [(8, 2), (16, 2), (32, 6)]

  static let centers: [(x: Float, y: Float)] = {
    var centers: [(x: Float, y: Float)] = []
    for grid in grids {
      let cells = inputSide / grid.stride
      for row in 0..<cells {
        for column in 0..<cells {
          let center = (x: (Float(column) + 0.5) / Float(cells), y: (Float(row) + 0.5) / Float(cells))
          centers += Array(repeating: center, count: grid.perCell)
        }
      }
    }
    return centers
  }()
}
