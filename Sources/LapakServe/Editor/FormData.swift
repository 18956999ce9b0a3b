/// What a submitted form holds: texts by field name and at most a few uploaded files.
struct FormData: Sendable, Equatable {
    struct Upload: Sendable, Equatable {
        let fileName: String
        let bytes: [UInt8]
    }

    var fields: [String: String] = [:]
    var files: [String: Upload] = [:]

    subscript(name: String) -> String? { fields[name] }

    /// `application/x-www-form-urlencoded`: `a=1&b=x+y%21`. A name given twice keeps its first
    /// value; bytes that are not UTF-8 make the whole body refused.
    static func urlEncoded(_ bytes: [UInt8]) -> FormData? {
        var form = FormData()
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : []) else { return nil }
            if form.fields[name] == nil { form.fields[name] = value }
        }
        return form
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        PercentDecoding.decode(bytes, plusIsSpace: true).flatMap { String(validating: $0, as: UTF8.self) }
    }
}
