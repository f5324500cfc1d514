// swift-tools-version: 6.0
import PackageDescription

// OpenVINO's C API comes from the pinned PyPI wheel that scripts/setup links under .deps/.
let openVINODirectory = Context.packageDirectory + "/.deps/openvino"
let openVINOSwiftSettings: [SwiftSetting] = [
  .unsafeFlags(["-Xcc", "-I\(openVINODirectory)/include"])
]
let openVINOLinkerSettings: [LinkerSetting] = [
  .unsafeFlags([
    "-L\(openVINODirectory)",
    "-Xlinker", "-rpath", "-Xlinker", "\(openVINODirectory)/libs",
  ])
]

let package = Package(
  name: "Loupe",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "loupe", targets: ["loupe"]),
    .library(name: "LoupeRuntime", targets: ["LoupeRuntime"]),
    .library(name: "LoupeMedia", targets: ["LoupeMedia"]),
    .library(name: "LoupeVision", targets: ["LoupeVision"]),
    .library(name: "LoupeAnalysis", targets: ["LoupeAnalysis"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
  ],
  targets: [
    .systemLibrary(name: "COpenVINO", path: "Sources/COpenVINO"),
    .systemLibrary(name: "CVips", path: "Sources/CVips", pkgConfig: "vips"),
    .target(name: "CLoupeVips", dependencies: ["CVips"], path: "Sources/CLoupeVips"),
    .target(
      name: "LoupeRuntime",
      dependencies: [
        "COpenVINO",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: openVINOSwiftSettings,
      linkerSettings: openVINOLinkerSettings
    ),
    .target(name: "LoupeMedia", dependencies: ["CLoupeVips"]),
    .target(name: "LoupeVision", dependencies: ["LoupeRuntime", "LoupeMedia"]),
    .target(name: "LoupeAnalysis", dependencies: ["LoupeVision", "LoupeRuntime", "LoupeMedia"]),
    .executableTarget(
      name: "loupe",
      dependencies: [
        "LoupeRuntime", "LoupeMedia", "LoupeVision",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: openVINOSwiftSettings
    ),
    .testTarget(
      name: "LoupeRuntimeTests",
      dependencies: ["LoupeRuntime"],
      exclude: ["Fixtures"],
      swiftSettings: openVINOSwiftSettings
    ),
    .testTarget(name: "LoupeMediaTests", dependencies: ["LoupeMedia"]),
    .testTarget(
      name: "LoupeVisionTests",
      dependencies: ["LoupeVision", "LoupeRuntime", "LoupeMedia"],
      exclude: ["Fixtures"],
      swiftSettings: openVINOSwiftSettings
    ),
    .testTarget(
      name: "LoupeAnalysisTests",
      dependencies: ["LoupeAnalysis", "LoupeVision", "LoupeRuntime", "LoupeMedia"],
      swiftSettings: openVINOSwiftSettings
    ),
    // Runs the built `loupe` executable; depending on it makes `swift build --build-tests` build it.
    .testTarget(name: "loupeTests", dependencies: ["loupe"]),
  ]
)
