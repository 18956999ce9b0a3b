// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the parsers that read what contributors and theme authors write. A
// package of their own, so `swift build` and `swift test` of Lapak never build them; `make fuzz`
// builds them and runs each in turn.
//
// `make fuzz` instruments every module with AddressSanitizer and libFuzzer's coverage
// (`-sanitize=address -sanitize-coverage=…`) instead of `--sanitize=fuzzer`: that option also
// links libFuzzer's `main` into the host tools, and LapakCore's theme embedder has a main of its
// own. Each target here starts libFuzzer itself through `LLVMFuzzerRunDriver`, from the runtime
// without a main that the toolchain ships (`LIBFUZZER`, set by `make fuzz`).
let runtime = Context.environment["LIBFUZZER"] ?? "/opt/swift/usr/lib/swift/clang/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a"
let fuzzer: [LinkerSetting] = [.unsafeFlags(["-Xlinker", runtime, "-lstdc++"])]

let package = Package(
    name: "LapakFuzz",
    dependencies: [
        .package(name: "Lapak", path: ".."),
    ],
    targets: [
        .target(name: "LibFuzzer"),
        // Template source in, parsed (with the HTML context analysis) and rendered on a fixed context.
        .executableTarget(
            name: "fuzz-templates",
            dependencies: ["LibFuzzer", .product(name: "Templates", package: "Lapak")],
            linkerSettings: fuzzer
        ),
        // A content file in, through the front-matter splitter, the YAML guard, the composer and the fields.
        .executableTarget(
            name: "fuzz-front-matter",
            dependencies: ["LibFuzzer", .product(name: "LapakCore", package: "Lapak"), .product(name: "Markdown", package: "Lapak")],
            linkerSettings: fuzzer
        ),
        // Photo bytes in, through the header check, libvips' decoders and the encoders of the copies.
        .executableTarget(
            name: "fuzz-photo",
            dependencies: ["LibFuzzer", .product(name: "Imaging", package: "Lapak")],
            linkerSettings: fuzzer
        ),
        // Markdown in, through cmark and the tree walk, with the URL refusal on.
        .executableTarget(
            name: "fuzz-markdown",
            dependencies: ["LibFuzzer", .product(name: "Markdown", package: "Lapak")],
            linkerSettings: fuzzer
        ),
    ]
)
