/// A single-channel `Float` image, rows top to bottom: the working format of the quality measures.
struct GreyPlane: Sendable, Equatable {
  let width: Int
  let height: Int
  var values: [Float]

  init(width: Int, height: Int, values: [Float]) {
    precondition(width > 0 && height > 0 && values.count == width * height, "plane size mismatch")
    self.width = width
    self.height = height
    self.values = values
  }

  /// Luma in 0...1 as OpenCV's `convertTo(CV_32F, 1/255)` makes it from 8-bit grey (multiplying by
  /// the `Float` nearest 1/255), so BRISQUE sees the numbers `cv::quality::QualityBRISQUE` sees.
  init(_ luma: LumaPlane) {
    let scale = Float(1.0 / 255.0)
    self.init(width: luma.width, height: luma.height, values: luma.values.map { Float($0) * scale })
  }
}
