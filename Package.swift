// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Lapak",
    products: [
        .library(name: "Templates", targets: ["Templates"]),
        .library(name: "LapakCore", targets: ["LapakCore"]),
        // For the fuzz targets in Fuzz/, which feed the wrapper Markdown directly.
        .library(name: "Markdown", targets: ["Markdown"]),
        // For the fuzz target that feeds photos to the decoder.
        .library(name: "Imaging", targets: ["Imaging"]),
        .executable(name: "lapak", targets: ["lapak"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // HTTP for `lapak serve`: pure Swift on epoll, no SwiftNIO, so CI builds it in seconds.
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "Markdown", dependencies: ["CMark"]),
        // libyaml from Debian's libyaml-dev, found through pkg-config; YAMLEvents is the Swift face
        // the core reads front matter through (its parse events, not a composed node graph).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "YAMLEvents", dependencies: ["CLibYAML"]),
        // libvips from Debian's libvips-dev, found through pkg-config; VipsShim gives its variadic
        // calls fixed argument lists, and Imaging is the Swift face the core calls.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(name: "VipsShim", dependencies: ["CVips"]),
        .target(name: "Imaging", dependencies: ["VipsShim"]),
        // libqrencode from Debian's libqrencode-dev: QR codes for printed price lists and for the
        // editor's address in the terminal. QRCode is the Swift face the rest calls.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(name: "QRCode", dependencies: ["CQRencode"]),
        // The one system call Swift's Glibc module does not expose: renameat2(RENAME_EXCHANGE).
        .target(name: "CSystem"),
        // The template engine: standard library only, knows nothing of products or sites.
        .target(name: "Templates"),
        .target(
            name: "LapakCore",
            dependencies: [
                "Markdown", "YAMLEvents", "Templates", "CSystem", "Imaging", "QRCode",
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedTheme"]
        ),
        // Build-time helper that embeds themes/default into LapakCore (see Plugins/EmbedTheme).
        .executableTarget(name: "theme-embedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["theme-embedder"]),
        .executableTarget(
            name: "lapak",
            dependencies: [
                "LapakCore", "LapakServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `lapak serve`: builds into a private folder, serves it on loopback, rebuilds on change.
        .target(
            name: "LapakServe",
            dependencies: ["LapakCore", "Markdown", "QRCode", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .testTarget(name: "LapakServeTests", dependencies: ["LapakServe", "LapakCore", "Imaging", "PhotoFixtures"]),
        // The differential corpus is read at run time through #filePath, not compiled.
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"], exclude: ["Differential"]),
        .testTarget(name: "LapakCoreTests", dependencies: ["LapakCore", "Markdown", "Templates", "QRCode", "PhotoFixtures"]),
        // Photos made at test time for the tests below (no binary fixture is committed).
        .target(name: "PhotoFixtures", dependencies: ["Imaging"], path: "Tests/PhotoFixtures"),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging", "PhotoFixtures"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"]),
    ]
)
