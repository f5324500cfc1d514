import Foundation

/// The trained BRISQUE regressor: per-feature scaling ranges and a libsvm ε-SVR with an RBF kernel,
/// read from OpenCV's `brisque_range_live.yml` and `brisque_model_live.yml` (Debian `opencv-data`).
struct BRISQUEModel: Sendable {
  /// Row 0 the minimum, row 1 the maximum of each feature over the training set.
  var featureMinimums: [Float]
  var featureMaximums: [Float]
  var gamma: Double
  var rho: Double
  var supportVectors: [[Float]]
  var coefficients: [Double]

  static let directory = URL(fileURLWithPath: "/usr/share/opencv4/quality", isDirectory: true)

  /// The LIVE model Debian's `opencv-data` installs.
  static func live(directory: URL = directory) throws -> BRISQUEModel {
    let model = directory.appendingPathComponent("brisque_model_live.yml")
    let range = directory.appendingPathComponent("brisque_range_live.yml")
    for file in [model, range] where !FileManager.default.fileExists(atPath: file.path) {
      throw AnalysisError.modelFailure(
        "BRISQUE model file \(file.path) is missing: install the Debian package opencv-data (scripts/setup)"
      )
    }
    return try BRISQUEModel(model: try text(of: model), range: try text(of: range))
  }

  init(model: String, range: String) throws {
    let fail = { (reason: String) in AnalysisError.modelFailure("BRISQUE model: \(reason)") }
    guard let matrix = try OpenCVStorage(parsing: range)["range"]?.matrix, matrix.rows == 2 else {
      throw fail("no 2-row `range` matrix")
    }
    featureMinimums = matrix.data[0..<matrix.columns].map { Float($0) }
    featureMaximums = matrix.data[matrix.columns...].map { Float($0) }
    guard let svm = try OpenCVStorage(parsing: model)["opencv_ml_svm"] else { throw fail("no opencv_ml_svm") }
    guard svm["svmType"]?.text == "EPS_SVR", svm["kernel"]?["type"]?.text == "RBF",
      let gamma = svm["kernel"]?["gamma"]?.number
    else { throw fail("not an RBF ε-SVR") }
    guard case .sequence(let vectors) = svm["support_vectors"],
      case .sequence(let functions) = svm["decision_functions"], functions.count == 1,
      let rho = functions[0]["rho"]?.number, let alpha = functions[0]["alpha"]?.numbers
    else { throw fail("missing support vectors or decision function") }
    // Without an `index` list, the decision function uses every support vector in file order.
    guard functions[0]["index"] == nil else { throw fail("indexed support vectors are not supported") }
    let supportVectors = try vectors.map { vector in
      guard let values = vector.numbers, values.count == matrix.columns else { throw fail("bad support vector") }
      return values.map { Float($0) }
    }
    guard supportVectors.count == alpha.count, matrix.columns == BRISQUEFeatures.count else {
      throw fail("\(supportVectors.count) support vectors, \(alpha.count) coefficients, \(matrix.columns) features")
    }
    self.gamma = gamma
    self.rho = rho
    self.supportVectors = supportVectors
    self.coefficients = alpha
  }

  /// The BRISQUE score, 0 (best) to 100 (worst), as `QualityBRISQUE` computes it: features scaled to
  /// −1...1 in `Float`, then the SVR as OpenCV's `SVM::predict` evaluates it (feature differences in
  /// `Float`, their squares summed pairwise in `Double`, the exponent rounded to `Float`), clamped.
  /// The sum of 774 kernel values weighted up to ±1024 amplifies last-bit differences in the
  /// exponential to about 1e-3 of score, the accuracy to expect against OpenCV.
  func score(_ features: BRISQUEFeatures) -> Double {
    let scaled = features.values.indices.map { index in
      let low = featureMinimums[index], high = featureMaximums[index]
      return -1 + 2 * (features.values[index] - low) / (high - low)
    }
    var sum = -rho
    for (vector, coefficient) in zip(supportVectors, coefficients) {
      var distance = 0.0
      for index in stride(from: 0, to: vector.count - 1, by: 2) {
        let first = Double(vector[index] - scaled[index])
        let second = Double(vector[index + 1] - scaled[index + 1])
        distance += first * first + second * second
      }
      if vector.count % 2 == 1 {
        let last = Double(vector[vector.count - 1] - scaled[vector.count - 1])
        distance += last * last
      }
      sum += coefficient * exp(Double(Float(-gamma * distance)))
    }
    return min(max(Double(Float(sum)), 0), 100)
  }

  private static func text(of file: URL) throws -> String {
    do {
      return try String(contentsOf: file, encoding: .utf8)
    } catch {
      throw AnalysisError.modelFailure("BRISQUE model file \(file.path) is unreadable: \(error)")
    }
  }
}
