/// `multipart/form-data` (RFC 7578), the body a form with a photo field sends.
///
/// Written here because neither FlyingFox nor any Swift or Debian package this project may use
/// parses it. It is deliberately strict and bounded: the whole body is in memory and already
/// limited in size by the caller; at most `maxParts` parts, each with at most `maxHeaderBytes` of
/// headers; text fields at most `maxFieldBytes`; only `Content-Disposition: form-data` parts with
/// a plain name; anything else (a missing boundary, a part without its closing boundary, a
/// header without a colon, non-UTF-8 text) refuses the whole body rather than guessing.
enum MultipartParser {
    static let maxParts = 200
    static let maxHeaderBytes = 2048
    static let maxFieldBytes = 200_000

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(ofContentType value: String) -> String? {
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var boundary = String(part.dropFirst("boundary=".count))
            if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 { boundary = String(boundary.dropFirst().dropLast()) }
            // RFC 2046: 1 to 70 characters from a small set.
            guard (1...70).contains(boundary.utf8.count),
                  boundary.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") }) else { return nil }
            return boundary
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) -> FormData? {
        let delimiter = Array(("--" + boundary).utf8)
        let crlf: [UInt8] = [0x0D, 0x0A]
        // The body starts with the first delimiter (a preamble is allowed by the RFC; browsers
        // send none, so none is accepted).
        guard body.starts(with: delimiter) else { return nil }
        var form = FormData()
        var position = delimiter.count
        var parts = 0
        while true {
            // After a delimiter: `--` ends the body, CRLF starts a part.
            if body[position...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return form }
            guard body[position...].starts(with: crlf) else { return nil }
            position += 2
            parts += 1
            guard parts <= maxParts else { return nil }
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: position, limit: maxHeaderBytes) else { return nil }
            guard let headers = String(validating: body[position..<headerEnd], as: UTF8.self),
                  let (name, fileName) = disposition(headers) else { return nil }
            let contentStart = headerEnd + 4
            guard let next = find(crlf + delimiter, in: body, from: contentStart, limit: body.count) else { return nil }
            let content = Array(body[contentStart..<next])
            if let fileName {
                if form.files[name] == nil { form.files[name] = .init(fileName: fileName, bytes: content) }
            } else {
                guard content.count <= maxFieldBytes, let text = String(validating: content, as: UTF8.self) else { return nil }
                if form.fields[name] == nil { form.fields[name] = text }
            }
            position = next + crlf.count + delimiter.count
        }
    }

    /// The field name and file name of a part's headers; nil unless it is `form-data` with a name.
    private static func disposition(_ headers: String) -> (name: String, fileName: String?)? {
        var result: (String, String?)?
        for line in headers.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let header = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard header == "content-disposition" else { continue }
            let parameters = parse(parameters: String(line[line.index(after: colon)...]))
            guard parameters.kind == "form-data", let name = parameters.values["name"], !name.isEmpty else { return nil }
            result = (name, parameters.values["filename"])
        }
        return result
    }

    /// `form-data; name="photo"; filename="IMG 1.jpg"`: quoted values may hold `;`.
    private static func parse(parameters text: String) -> (kind: String, values: [String: String]) {
        var values: [String: String] = [:]
        var pieces: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        let kind = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            if values[key] == nil { values[key] = value }
        }
        return (kind, values)
    }

    /// The first index of `needle` in `haystack` at or after `start`, looking no further than `limit` bytes on.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, limit: Int) -> Int? {
        guard let first = needle.first else { return nil }
        let end = min(haystack.count - needle.count, start + limit)
        var index = start
        while index <= end {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
