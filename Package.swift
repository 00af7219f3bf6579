// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Verdict",
  products: [
    .library(name: "Verdict", targets: ["Verdict"]),
    .executable(name: "verdict", targets: ["verdict"]),
  ],
  dependencies: [
    // The CLI's argument parsing, help, completion scripts and man page.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .target(name: "Verdict"),
    // Streaming byte-level CSV, JSON and JSON Lines readers for the batch runner.
    .target(name: "VerdictData"),
    .executableTarget(
      name: "verdict",
      dependencies: [
        "Verdict",
        "VerdictData",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "verdict-bench", dependencies: ["Verdict"], path: "Benchmarks/verdict-bench"),
    .executableTarget(name: "data-bench", dependencies: ["VerdictData"], path: "Benchmarks/data-bench"),
    .testTarget(name: "VerdictTests", dependencies: ["Verdict"]),
    .testTarget(name: "VerdictDataTests", dependencies: ["VerdictData"]),
  ]
)
