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
    .library(name: "LoupeSpeech", targets: ["LoupeSpeech"]),
    .library(name: "LoupeAnalysis", targets: ["LoupeAnalysis"]),
    .library(name: "LoupeStore", targets: ["LoupeStore"]),
    .library(name: "LoupeJobs", targets: ["LoupeJobs"]),
    .library(name: "LoupeServices", targets: ["LoupeServices"]),
    .library(name: "LoupeServer", targets: ["LoupeServer"]),
    .library(name: "LoupeVectors", targets: ["LoupeVectors"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
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
    .systemLibrary(name: "CFFmpeg", path: "Sources/CFFmpeg"),
    .target(name: "LoupeMedia", dependencies: ["CLoupeVips", "CFFmpeg"]),
    // AnimeFace 2009 (libnvxs from the animeface wheel), opened with dlopen at run time: nothing
    // links against it, so a machine without it builds and the detector reports it missing.
    .target(name: "CAnimeFace", path: "Sources/CAnimeFace"),
    .target(
      name: "LoupeVision",
      dependencies: ["LoupeRuntime", "LoupeMedia", "CAnimeFace"],
      resources: [
        .copy("Labels/imagenet_zh.txt"), .copy("Labels/coco_zh.txt"), .copy("Labels/imagenet_hypernyms.txt"),
      ]
    ),
    // Speech models: Whisper (encoder + cached decoder), silero VAD, the log-mel front end. Built
    // optimised even in debug: the front end's DFT is SIMD code that unoptimised builds run ~10x slower.
    .target(
      name: "LoupeSpeech",
      dependencies: ["LoupeRuntime", "LoupeMedia", "LoupeVision"],
      swiftSettings: openVINOSwiftSettings + [.unsafeFlags(["-O"])]
    ),
    .target(name: "LoupeAnalysis", dependencies: ["LoupeVision", "LoupeSpeech", "LoupeRuntime", "LoupeMedia"]),
    .target(
      name: "LoupeStore",
      dependencies: [
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // hnswlib 0.6.2 (Debian libhnswlib-dev, header-only C++) behind a small C API. hnswlib picks its
    // distance kernels at compile time, and Loupe is built on the machine that runs it
    // (scripts/run), so the host's instruction set is enabled; -O3 keeps debug test builds usable.
    .target(
      name: "CHNSWLib",
      cxxSettings: [.unsafeFlags(["-std=c++17", "-O3", "-march=native"])]
    ),
    // Vector indexes behind one protocol: exact SIMD scans (f32, int8 + f32 re-rank) and HNSW.
    // The scans are Swift SIMD: without the host's vector width they compile to SSE2, and
    // unoptimised (debug) SIMD code is ~6x slower, which the tests' 20k-vector sets would feel.
    .target(
      name: "LoupeVectors",
      dependencies: ["CHNSWLib"],
      swiftSettings: [.unsafeFlags(["-Xcc", "-march=native", "-O"])]
    ),
    .target(
      name: "LoupeJobs",
      dependencies: [
        "LoupeStore",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    // The application without HTTP: commands, live services, media loading, job handlers.
    .target(
      name: "LoupeServices",
      dependencies: [
        "LoupeAnalysis", "LoupeVision", "LoupeMedia", "LoupeRuntime", "LoupeStore", "LoupeJobs", "LoupeVectors",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      swiftSettings: openVINOSwiftSettings
    ),
    // The HTTP edge only: routes, middleware, the envelope and wire payloads. No LoupeRuntime.
    .target(
      name: "LoupeServer",
      dependencies: [
        "LoupeServices", "LoupeAnalysis", "LoupeStore", "LoupeJobs", "LoupeMedia",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdTLS", package: "hummingbird"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    .executableTarget(
      name: "loupe",
      dependencies: [
        "LoupeRuntime", "LoupeMedia", "LoupeVision", "LoupeSpeech", "LoupeAnalysis", "LoupeStore", "LoupeJobs",
        "LoupeServices", "LoupeServer", "LoupeVectors",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ],
      swiftSettings: openVINOSwiftSettings
    ),
    // Shared by the test targets only: installed-dependency lookup, the golden input pattern and
    // the test doubles (fixed analyses and detector) that stand in for models.
    .target(
      name: "LoupeTestSupport",
      dependencies: [
        "LoupeRuntime", "LoupeMedia", "LoupeVision", "LoupeAnalysis", "LoupeServices",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      path: "Tests/LoupeTestSupport",
      swiftSettings: openVINOSwiftSettings
    ),
    .testTarget(
      name: "LoupeRuntimeTests",
      dependencies: ["LoupeRuntime", "LoupeTestSupport"],
      exclude: ["Fixtures"],
      swiftSettings: openVINOSwiftSettings
    ),
    .testTarget(name: "LoupeMediaTests", dependencies: ["LoupeMedia", "CFFmpeg", "LoupeTestSupport"]),
    .testTarget(
      name: "LoupeVisionTests",
      dependencies: ["LoupeVision", "LoupeRuntime", "LoupeMedia", "LoupeTestSupport"],
      exclude: ["Fixtures"],
      swiftSettings: openVINOSwiftSettings
    ),
    .testTarget(
      name: "LoupeSpeechTests",
      dependencies: ["LoupeSpeech", "LoupeVision", "LoupeRuntime", "LoupeMedia", "LoupeTestSupport"],
      exclude: ["Fixtures"],
      swiftSettings: openVINOSwiftSettings
    ),
    .testTarget(
      name: "LoupeAnalysisTests",
      dependencies: ["LoupeAnalysis", "LoupeSpeech", "LoupeVision", "LoupeRuntime", "LoupeMedia", "LoupeTestSupport"],
      exclude: ["Fixtures"],
      swiftSettings: openVINOSwiftSettings
    ),
    .testTarget(
      name: "LoupeStoreTests",
      dependencies: [
        "LoupeStore", .product(name: "Crypto", package: "swift-crypto"), .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "LoupeVectorsTests",
      dependencies: ["LoupeVectors", "LoupeTestSupport"],
      swiftSettings: openVINOSwiftSettings
    ),
    .testTarget(
      name: "LoupeJobsTests",
      dependencies: [
        "LoupeJobs", "LoupeStore", "LoupeTestSupport",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    .testTarget(
      name: "LoupeServicesTests",
      dependencies: [
        "LoupeServices", "LoupeStore", "LoupeJobs", "LoupeMedia", "LoupeRuntime", "LoupeAnalysis", "LoupeVision",
        "LoupeVectors", "LoupeTestSupport",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ],
      swiftSettings: openVINOSwiftSettings
    ),
    .testTarget(
      name: "LoupeServerTests",
      dependencies: [
        "LoupeServer", "LoupeServices", "LoupeStore", "LoupeJobs", "LoupeMedia", "LoupeRuntime", "LoupeAnalysis",
        "LoupeVision", "LoupeTestSupport",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      exclude: ["Fixtures"],
      swiftSettings: openVINOSwiftSettings
    ),
    // Runs the built `loupe` executable; depending on it makes `swift build --build-tests` build it.
    .testTarget(name: "loupeTests", dependencies: ["loupe", "LoupeTestSupport"], exclude: ["Fixtures"]),
  ]
)
