// swift-tools-version:6.0
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, so the main package's identity is the
// name of whatever folder the repository was cloned into.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "LapakBenchmarks",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/stencilproject/Stencil", from: "0.15.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "template-bench",
            dependencies: [
                .product(name: "Templates", package: mainPackage),
                .product(name: "Stencil", package: "Stencil"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        )
    ],
    // A single-threaded benchmark script; strict concurrency checking adds nothing here.
    swiftLanguageModes: [.v5]
)
