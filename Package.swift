// swift-tools-version: 6.1
import PackageDescription

/// Settings applied to every target: Swift 6 mode plus the upcoming features we rely on.
let strictSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "TrustLens",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "trustlens", targets: ["trustlens"]),
    .library(name: "TrustLensPipeline", targets: ["TrustLensPipeline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    .systemLibrary(
      name: "CXlsxWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev", "zlib1g-dev", "pkg-config"])]
    ),
    // Routes libxlsxwriter's minizip calls: TrustLens chooses the workbook's deflate level and
    // deflates large entries on every core.
    .target(
      name: "CXlsxShims",
      linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("z"), .linkedLibrary("pthread")]),
    .target(name: "TrustLensCore", swiftSettings: strictSettings),
    .target(
      name: "TrustLensImport",
      dependencies: ["TrustLensCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      swiftSettings: strictSettings),
    .target(
      name: "TrustLensAnalysis",
      dependencies: ["TrustLensCore"],
      resources: [.copy("Lexicon")],
      swiftSettings: strictSettings
    ),
    .target(
      name: "TrustLensTrends", dependencies: ["TrustLensCore"], swiftSettings: strictSettings),
    .target(
      name: "TrustLensExport",
      dependencies: [
        "TrustLensCore", "TrustLensTrends", "CXlsxWriter", "CXlsxShims",
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      resources: [.copy("Templates")],
      swiftSettings: strictSettings
    ),
    .target(
      name: "TrustLensPipeline",
      dependencies: [
        "TrustLensCore", "TrustLensImport", "TrustLensAnalysis", "TrustLensTrends",
        "TrustLensExport", .product(name: "Yams", package: "Yams"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "trustlens",
      dependencies: [
        "TrustLensCore", "TrustLensImport", "TrustLensExport", "TrustLensPipeline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "trustlens-bench",
      dependencies: ["TrustLensCore", "TrustLensImport", "TrustLensAnalysis", "TrustLensTrends", "TrustLensExport", "TrustLensPipeline"],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "trustlens-fuzz",
      dependencies: ["TrustLensCore", "TrustLensImport", "TrustLensAnalysis", "TrustLensExport", "TrustLensPipeline"],
      swiftSettings: strictSettings
    ),
    .target(
      name: "TestSupport", dependencies: ["TrustLensCore"], path: "Tests/TestSupport",
      swiftSettings: strictSettings),
    .testTarget(
      name: "TrustLensCoreTests", dependencies: ["TrustLensCore", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "TrustLensImportTests",
      dependencies: [
        "TrustLensImport", "TrustLensCore", "TestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      exclude: ["Exports"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "TrustLensAnalysisTests", dependencies: ["TrustLensAnalysis", "TrustLensCore", "TestSupport"],
      exclude: ["Fixtures"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "TrustLensTrendsTests", dependencies: ["TrustLensTrends", "TrustLensCore", "TestSupport"],
      exclude: ["Reference"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "TrustLensExportTests",
      dependencies: ["TrustLensExport", "TrustLensCore", "TrustLensTrends", "TestSupport", "CXlsxShims", "CXlsxWriter"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "TrustLensPipelineTests",
      dependencies: [
        "TrustLensPipeline", "TrustLensCore", "TrustLensImport", "TrustLensAnalysis", "TrustLensTrends",
        "TrustLensExport", "TestSupport", "trustlens",
      ],
      exclude: ["Hostile", "Fixtures"],
      swiftSettings: strictSettings),
  ]
)
