import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

/// The pose detector and landmarker against MediaPipe's own pipeline on the same photos
/// (Fixtures/make_golden_pose.py, run once in a throwaway venv). OpenVINO and XNNPACK round
/// differently and the heatmap refinement snaps to 4-pixel cells of the crop, so positions are
/// compared relative to the region's side (the person's scale).
@Suite(.offCooperativePool) struct PoseGoldenTests {
  struct Golden: Decodable {
    struct Photo: Decodable {
      var width: Int
      var height: Int
      var detection_score: Float
      var detection_keypoints: [[Float]]
      var region: [Float]
      var landmarks: [[Float]]
      var mask_grid: [[Float]]
    }
    var grid: Int
    var photos: [String: Photo]
  }

  static let golden: Golden = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures/golden_pose.json"
    )
    // The fixture is committed with the test; a missing one is a broken checkout.
    return try! JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
  }()

  static let photos = golden.photos.keys.sorted()
  static let options = InferenceOptions(precision: .f32, threads: 2)

  static func goldenRegion(_ photo: Golden.Photo) -> PoseRegion {
    PoseRegion(center: Point(x: photo.region[0], y: photo.region[1]), side: photo.region[2], rotation: photo.region[3])
  }

  static func distance(_ point: Point, _ values: [Float]) -> Float {
    ((point.x - values[0]) * (point.x - values[0]) + (point.y - values[1]) * (point.y - values[1])).squareRoot()
  }

  static func median(_ values: [Float]) -> Float {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
  }

  @Test(arguments: photos)
  func detectorFindsMediaPipesPersonAndRegion(photo name: String) async throws {
    let photo = try #require(Self.golden.photos[name])
    let detector = try PoseDetector.live(dependencies: VisionFixtures.dependencies, options: Self.options)
    let best = try #require(try await detector.detect(in: try VisionFixtures.photo(name)).first)
    #expect(abs(best.score - photo.detection_score) < 0.03, "score \(best.score) vs \(photo.detection_score)")
    let expected = Self.goldenRegion(photo)
    let region = best.region
    #expect(Self.distance(region.center, photo.region) < 0.02 * expected.side, "centre \(region.center)")
    #expect(abs(region.side / expected.side - 1) < 0.03, "side \(region.side) vs \(expected.side)")
    #expect(abs(region.rotation - expected.rotation) < 0.03, "rotation \(region.rotation) vs \(expected.rotation)")
    for (keypoint, golden) in zip(best.keypoints, photo.detection_keypoints) {
      #expect(Self.distance(keypoint, golden) < 0.02 * expected.side)
    }
  }

  @Test(arguments: photos)
  func landmarksInMediaPipesRegionMatchMediaPipe(photo name: String) async throws {
    let photo = try #require(Self.golden.photos[name])
    let landmarker = try PoseLandmarker.live(dependencies: VisionFixtures.dependencies, options: Self.options)
    let region = Self.goldenRegion(photo)
    let pose = try #require(try await landmarker.pose(in: region, of: try VisionFixtures.photo(name)))
    #expect(pose.landmarks.count == 33)
    let errors = zip(pose.landmarks, photo.landmarks).map { Self.distance($0.point, $1) / region.side }
    #expect(Self.median(errors) < 0.006, "median error \(Self.median(errors)) of the region's side")
    let visible = zip(errors, photo.landmarks).filter { $1[3] > 0.5 }.map(\.0)
    #expect(visible.allSatisfy { $0 < 0.025 }, "largest error of a visible point \(visible.max() ?? 0)")
    let visibilityErrors = zip(pose.landmarks, photo.landmarks).map { abs($0.visibility - $1[3]) }
    #expect(Self.median(visibilityErrors) < 0.02, "median visibility error \(Self.median(visibilityErrors))")
    let depthErrors = zip(pose.landmarks, photo.landmarks).map { abs($0.z - $1[2]) }
    #expect(Self.median(depthErrors) < 0.05, "median z error \(Self.median(depthErrors))")
  }

  @Test(arguments: photos)
  func wholePipelineMatchesMediaPipe(photo name: String) async throws {
    let photo = try #require(Self.golden.photos[name])
    let estimator = try PoseEstimator.live(dependencies: VisionFixtures.dependencies, faces: nil, options: Self.options)
    let pose = try #require(try await estimator.poses(in: try VisionFixtures.photo(name)).first)
    let side = Self.goldenRegion(photo).side
    let errors = zip(pose.landmarks, photo.landmarks).map { Self.distance($0.point, $1) / side }
    #expect(Self.median(errors) < 0.012, "median error \(Self.median(errors)) of the region's side")

    // The person mask, averaged over the same grid of cells, selects the same cells.
    let grid = Self.golden.grid
    let mask = pose.mask.rendered(width: photo.width, height: photo.height)
    var intersection = 0, union = 0
    for row in 0..<grid {
      for column in 0..<grid {
        let y0 = row * photo.height / grid, y1 = (row + 1) * photo.height / grid
        let x0 = column * photo.width / grid, x1 = (column + 1) * photo.width / grid
        var sum: Float = 0
        for y in y0..<y1 {
          for x in x0..<x1 { sum += mask[x, y] }
        }
        let ours = sum / Float((y1 - y0) * (x1 - x0)) > 0.5, theirs = photo.mask_grid[row][column] > 0.5
        intersection += ours && theirs ? 1 : 0
        union += ours || theirs ? 1 : 0
      }
    }
    #expect(union > 0 && Float(intersection) / Float(union) > 0.9, "mask IoU \(intersection)/\(union)")
  }
}
