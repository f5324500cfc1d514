import Foundation
import LoupeRuntime

/// A benchmark clip made once with the `ffmpeg` CLI from the installed public-domain photos:
/// one shot per photo, each panning across its picture, H.264 at 30 fps. Kept under
/// `.deps/bench-media` (setup's folder, never committed) so later runs reuse it.
struct BenchClip {
  var url: URL
  var frames: Int

  static let photos = ["astronaut.png", "coffee.png", "chelsea.png", "rocket.jpg", "motorcycle_left.png"]
  static let frameRate = 30

  static func make(
    width: Int,
    height: Int,
    seconds: Int,
    in folder: URL,
    dependencies: DependenciesDirectory
  ) throws
    -> BenchClip
  {
    let url = folder.appendingPathComponent("pan-\(width)x\(height)-\(seconds)s.mp4")
    let frames = seconds * frameRate
    if FileManager.default.fileExists(atPath: url.path) { return BenchClip(url: url, frames: frames) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let shot = Double(seconds) / Double(photos.count)
    var arguments = ["-nostdin", "-hide_banner", "-loglevel", "error", "-y"]
    var filters: [String] = []
    for (index, photo) in photos.enumerated() {
      arguments += [
        "-loop", "1", "-framerate", "\(frameRate)", "-t", "\(shot)", "-i",
        dependencies.packageFile("skimage/data/\(photo)").path,
      ]
      // Twice the frame's height, so the crop window has room to pan across the picture.
      filters.append(
        "[\(index):v]scale=-2:\(2 * height),scale='max(iw,\(2 * width))':-2,"
          + "crop=\(width):\(height):x='(iw-\(width))*t/\(shot)':y='(ih-\(height))/2',setsar=1,format=yuv420p[v\(index)]"
      )
    }
    let inputs = photos.indices.map { "[v\($0)]" }.joined()
    arguments += [
      "-filter_complex", filters.joined(separator: ";") + ";\(inputs)concat=n=\(photos.count):v=1:a=0[out]",
      "-map", "[out]", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-r", "\(frameRate)",
      url.path + ".part.mp4",
    ]
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
    process.arguments = arguments
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CLIError("ffmpeg could not make \(url.lastPathComponent)") }
    try FileManager.default.moveItem(atPath: url.path + ".part.mp4", toPath: url.path)
    return BenchClip(url: url, frames: frames)
  }
}
