import Foundation
import LoupeMedia
import LoupeTestSupport

/// The photos the portrait tests serve: one person's set (Yao Ming, augmented), another's (Grace
/// Hopper), a one-face template (the astronaut), a two-face template (the astronaut and her
/// mirror image), a photo without a face and a file that is no image. Made once per process.
enum PortraitMedia {
  static let files: Result<[String: URL], any Error> = Result {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-portraits-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var files: [String: URL] = [:]
    func write(_ image: PixelBuffer, _ name: String) throws {
      let url = folder.appendingPathComponent(name)
      try Data(try ImageEncoder.encode(image, as: .png)).write(to: url)
      files[name] = url
    }
    let person = PortraitPhotos.augmentations(of: try InstalledDependencies.photo(PortraitPhotos.yaoMing))
    let second = PortraitPhotos.augmentations(of: try InstalledDependencies.photo(PortraitPhotos.graceHopper))
    for (index, photo) in person.enumerated() { try write(photo, "person-\(index).png") }
    for (index, photo) in second.enumerated() { try write(photo, "second-\(index).png") }
    let astronaut = try InstalledDependencies.photo(PortraitPhotos.astronaut)
    try write(try InstalledDependencies.photo(PortraitPhotos.graceHopper), "stranger.png")
    try write(astronaut, "template.png")
    try write(PortraitPhotos.sideBySide(astronaut, astronaut.mirrored()), "duo.png")
    try write(try InstalledDependencies.photo("skimage/data/coffee.png"), "noface.png")
    return files
  }
}

extension PixelBuffer {
  func mirrored() -> PixelBuffer {
    warped(by: AffineTransform(a: -1, b: 0, tx: Float(width - 1), c: 0, d: 1, ty: 0), width: width, height: height)!
  }
}
