import Foundation
import LoupeAnalysis
import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision

/// Installed photos with synthetic watermarks drawn at test time by
/// `Fixtures/make_watermarks.py` (Pillow in the setup venv, Debian's DejaVu and Noto CJK fonts).
///
/// Two disjoint sets, both free of text of their own (the detector would rightly find that too):
/// `tuning`, 12 photos from the semantic gallery's tuning half, which the thresholds and the
/// choice of fill were set on, and `heldOut`, 32 photos from its validation half, which were only
/// measured.
enum WatermarkFixtures {
  static let tuning = [
    "/usr/share/doc/opencv-doc/examples/data/aero1.jpg",
    "/usr/share/doc/opencv-doc/examples/data/apple.jpg",
    "/usr/share/doc/opencv-doc/examples/data/baboon.jpg",
    "/usr/share/doc/opencv-doc/examples/data/butterfly.jpg",
    "/usr/share/doc/opencv-doc/examples/data/chicky_512.png",
    "/usr/share/backgrounds/mate/nature/Dune.jpg",
    "/usr/share/backgrounds/mate/nature/Garden.jpg",
    "/usr/share/backgrounds/picosdeeuropa_by_Aitzol_Berasategi.jpg",
    "/usr/share/backgrounds/mate/nature/Storm.jpg",
    "/usr/share/backgrounds/sunset_by_Aitzol_Berasategi.jpg",
    "/usr/share/doc/opencv-doc/examples/data/home.jpg",
    "/usr/share/wallpapers/Path/contents/images/1920x1080.jpg",
  ]

  static let heldOut = [
    "/usr/share/doc/opencv-doc/examples/data/aloeL.jpg",
    "skimage/data/astronaut.png",
    "/usr/share/backgrounds/aitzgorri_by_Aitzol_Berasategi.jpg",
    "/usr/share/wallpapers/Autumn/contents/images/1920x1080.jpg",
    "/usr/share/wallpapers/EveningGlow/contents/images/1920x1080.jpg",
    "skimage/data/camera.png",
    "skimage/data/chelsea.png",
    "skimage/data/coins.png",
    "/usr/share/backgrounds/mate/nature/TwoWings.jpg",
    "/usr/share/backgrounds/seeding_by_Clements_Engelhardt.jpg",
    "/usr/share/wallpapers/Grey/contents/images/1920x1080.jpg",
    "/usr/share/backgrounds/Picture_0B_by_freespace.jpg",
    "/usr/share/wallpapers/Flow/contents/images/720x1440.jpg",
    "/usr/share/wallpapers/ColdRipple/contents/images/1920x1080.jpg",
    "/usr/share/doc/opencv-doc/examples/data/fruits.jpg",
    "skimage/data/gravel.png",
    "/usr/share/backgrounds/mate/nature/Blinds.jpg",
    "matplotlib/mpl-data/sample_data/grace_hopper.jpg",
    "/usr/share/backgrounds/mate/nature/LadyBird.jpg",
    "/usr/share/doc/opencv-doc/examples/hfs/data/001.jpg",
    "/usr/share/doc/opencv-doc/examples/hfs/data/002.jpg",
    "skimage/data/moon.png",
    "skimage/data/motorcycle_left.png",
    "/usr/share/doc/opencv-doc/examples/data/orange.jpg",
    "/usr/share/wallpapers/PastelHills/contents/images/1920x1080.jpg",
    "/usr/share/wallpapers/BytheWater/contents/images/1920x1080.jpg",
    "/usr/share/doc/opencv-doc/examples/alphamat/input_images/plant.jpg",
    "/usr/share/backgrounds/mate/nature/RainDrops.jpg",
    "/usr/share/doc/opencv-doc/examples/hfs/data/000.jpg",
    "/usr/share/doc/opencv-doc/examples/data/squirrel_cls.jpg",
    "/usr/share/doc/opencv-doc/examples/data/starry_night.jpg",
    "/usr/share/doc/opencv-doc/examples/data/rubberwhale1.png",
  ]

  /// Photos are scaled to this longer side before marking, which bounds the test's time.
  static let longerSide = 512
  static let seed = 20_261_206

  enum Kind: String, CaseIterable {
    case text, logo, tiled
  }

  struct Sample {
    var photo: String
    var kind: Kind
    var clean: PixelBuffer
    var marked: PixelBuffer
    /// The watermark's alpha, 0…1: where it is.
    var alpha: Mask
  }

  static func remover() throws -> WatermarkRemover {
    try WatermarkRemover.live(
      dependencies: InstalledDependencies.directory,
      options: InferenceOptions(precision: .f32, threads: 2)
    )
  }

  /// The photos as the samples are made from them, without marks.
  static func cleanPhotos(_ photos: [String]) async throws -> [PixelBuffer] {
    var cleans: [PixelBuffer] = []
    try await generate(photos, kinds: []) { directory in
      for index in photos.indices {
        cleans.append(
          try ImageDecoder().decode(contentsOf: directory.appendingPathComponent("p\(index)-clean.png")).pixels
        )
      }
    }
    return cleans
  }

  /// Every photo of `photos` marked once with each of `kinds`.
  static func samples(_ photos: [String], kinds: [Kind]) async throws -> [Sample] {
    var samples: [Sample] = []
    try await generate(photos, kinds: kinds) { directory in
      let decoder = ImageDecoder()
      func image(_ name: String) throws -> PixelBuffer {
        try decoder.decode(contentsOf: directory.appendingPathComponent(name)).pixels
      }
      for (index, photo) in photos.enumerated() {
        let clean = try image("p\(index)-clean.png")
        for kind in kinds {
          let alpha = try image("p\(index)-\(kind.rawValue)-alpha.png")
          samples.append(
            Sample(
              photo: photo,
              kind: kind,
              clean: clean,
              marked: try image("p\(index)-\(kind.rawValue)-marked.png"),
              alpha: Mask(
                width: alpha.width,
                height: alpha.height,
                values: stride(from: 0, to: alpha.pixels.count, by: 3).map { Float(alpha.pixels[$0]) / 255 }
              )!
            )
          )
        }
      }
    }
    return samples
  }

  /// Runs the script into a scratch folder and hands the folder to `read`.
  private static func generate(_ photos: [String], kinds: [Kind], read: (URL) throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "loupe-watermarks-\(UUID().uuidString)"
    )
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let jobs = photos.enumerated().map { index, path in
      let file = path.hasPrefix("/") ? path : InstalledDependencies.directory.packageFile(path).path
      return "p\(index):\(seed):\(file)"
    }
    _ = try await runProcess(
      InstalledDependencies.directory.root.appendingPathComponent("venv/bin/python").path,
      [script.path, directory.path, String(longerSide), kinds.map(\.rawValue).joined(separator: ",")] + jobs
    )
    try read(directory)
  }

  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/make_watermarks.py")
}
