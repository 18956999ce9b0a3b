import Templates
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders the corpus in Differential/cases and compares with the outputs Jinja2 produced.
@Suite struct DifferentialTests {
    static let directory: String = {
        let file = "\(#filePath)"
        let dir = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return dir + "/Differential"
    }()

    static var casesDirectory: String { directory + "/cases" }

    static let caseNames: [String] = {
        (try? DirectoryLoader(root: casesDirectory).templateNames())?
            .filter { $0.hasSuffix(".html") && !$0.hasPrefix("_") }
            .map { String($0.dropLast(".html".count)) } ?? []
    }()

    @Test func corpusIsLargeEnough() {
        #expect(Self.caseNames.count >= 300)
        #expect(Self.caseNames.filter { $0.hasPrefix("error_") }.count >= 20)
    }

    @Test(arguments: caseNames)
    func matchesJinja2(_ name: String) throws {
        let loader = DirectoryLoader(root: Self.casesDirectory)
        let environment = Environment(loader: loader)
        var context: [String: Value] = [:]
        if let json = try readText(Self.casesDirectory + "/\(name).json") {
            guard case .dictionary(let m) = try JSONReader.parse(json) else {
                Issue.record("context of \(name) is not an object")
                return
            }
            for (k, v) in m.pairs { context[k] = v }
        }
        if name.hasPrefix("error_") {
            let expected = try #require(try readText(Self.casesDirectory + "/\(name).err"), "missing \(name).err")
            #expect(try errorLocation { _ = try environment.render("\(name).html", context: context) } + "\n" == expected,
                    "\(name).html fails elsewhere than in Jinja2")
            return
        }
        let expected = try #require(try readText(Self.casesDirectory + "/\(name).out"), "missing \(name).out")
        let actual = try environment.render("\(name).html", context: context)
        #expect(actual == expected, "\(name).html differs from Jinja2")
    }

    /// `name:line` of the error `body` throws: the template it is in (the innermost, as Jinja2
    /// reports it) and its line; the first of several syntax errors.
    private func errorLocation(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch let e as TemplateError {
            return "\(e.name):\(e.line)"
        } catch let e as TemplateErrors {
            return e.errors.first.map { "\($0.name):\($0.line)" } ?? "no error"
        } catch {
            return "\(error)"
        }
    }

    /// The committed outputs must be what Jinja2 renders now; needs python3 with jinja2.
    @Test func expectationsAreCurrent() throws {
        let status = system("python3 -c 'import jinja2' 2>/dev/null")
        try #require(
            status == 0,
            "python3 with jinja2 is required to check the differential corpus (pip install jinja2)")
        let out = "/tmp/lapak-jinja-diff-\(getpid())"
        defer { _ = system("rm -rf '\(out)'") }
        let script = Self.directory + "/regenerate.py"
        #expect(system("python3 '\(script)' --out '\(out)' 2>/dev/null") == 0, "regenerate.py failed")
        for name in Self.caseNames {
            let file = name.hasPrefix("error_") ? "\(name).err" : "\(name).out"
            let fresh = try readText(out + "/" + file)
            let committed = try readText(Self.casesDirectory + "/" + file)
            #expect(fresh != nil && fresh == committed, "\(file) is stale: run regenerate.py")
        }
    }
}

/// The file's text, or nil when it does not exist.
func readText(_ path: String) throws -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        bytes.append(contentsOf: chunk[0..<n])
        if n < chunk.count { break }
    }
    return String(decoding: bytes, as: UTF8.self)
}
