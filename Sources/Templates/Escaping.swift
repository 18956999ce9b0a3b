/// How `{{ }}` output is escaped; decided per output node when the template is parsed.
///
/// A template's file kind gives the first four. In HTML templates, the context analysis then
/// gives each output the mode of where it stands (see `HTMLContext`).
enum EscapeMode: Sendable, Equatable {
    case none
    /// HTML text (also RCDATA such as `<title>`, and comments).
    case html
    case xml
    /// Inside a JSON string of a `.json` file.
    case jsonString
    /// Inside a quoted attribute value.
    case attribute
    /// At the start of a URL attribute value: the scheme is checked, then escaped as an attribute.
    case url
    /// In a `srcset`: every image candidate the value begins is checked like a URL.
    case srcset(candidateStart: Bool)
    /// Continuing an element name, as in `<h{{ level }}>`: digits only.
    case tagNameDigits
    /// Inside a string of a JSON-LD script.
    case scriptJSONString
    /// Elsewhere in a JSON-LD script: the value is written as JSON.
    case scriptJSONValue

    /// The kind of output a template produces, from its file name's extension.
    init(templateName: String) {
        var ext = ""
        if let dot = templateName.utf8.lastIndex(of: UInt8(ascii: ".")) {
            ext = String(templateName[dot...]).lowercased()
        }
        switch ext {
        case ".html", ".htm": self = .html
        case ".xml": self = .xml
        case ".json": self = .jsonString
        default: self = .none
        }
    }
}

extension OutputBuffer {
    /// Bytes below 0x40 that HTML escaping replaces: `"`, `&`, `'`, `<`, `>`.
    static let htmlEscaped: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
    /// Bytes below 0x40 that JSON escaping replaces: control characters, `"`, `&`, `'`, `<`, `>`.
    static let jsonEscaped: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    /// Appends `text` escaped for `mode`, copying unchanged runs in one go.
    mutating func appendEscaped(_ text: String, mode: EscapeMode) {
        var text = text
        switch mode {
        case .none: append(text)
        case .html, .xml, .attribute, .url, .srcset, .tagNameDigits: text.withUTF8 { appendHTMLEscaped($0) }
        case .jsonString, .scriptJSONString, .scriptJSONValue: text.withUTF8 { appendJSONEscaped($0) }
        }
    }

    mutating func appendHTMLEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        let n = source.count
        while i < n {
            let b = source[i]
            // Everything escaped sits below '@' (0x40); one bit of a mask tells which of those.
            if b < 0x40 && (Self.htmlEscaped >> UInt64(b)) & 1 != 0 {
                let replacement: StaticString?
                switch b {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&#34;"
                case 0x27: replacement = "&#39;"
                default: replacement = nil
                }
                if let replacement {
                    if i > runStart { append(UnsafeBufferPointer(rebasing: source[runStart..<i])) }
                    replacement.withUTF8Buffer { append($0) }
                    runStart = i + 1
                }
            }
            i += 1
        }
        if runStart < n { append(UnsafeBufferPointer(rebasing: source[runStart..<n])) }
    }

    /// Escapes for the inside of a JSON string that may itself sit inside HTML `<script>`.
    mutating func appendJSONEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        let n = source.count
        while i < n {
            let b = source[i]
            // Everything escaped is below '@' (0x40), where a mask tells which, but the backslash
            // and U+2028/9's lead byte.
            if b >= 0x40 ? (b != 0x5C && b != 0xE2) : (Self.jsonEscaped >> UInt64(b)) & 1 == 0 {
                i += 1
                continue
            }
            var replacement: String? = nil
            var width = 1
            switch b {
            case 0x22: replacement = "\\\""
            case 0x5C: replacement = "\\\\"
            case 0x0A: replacement = "\\n"
            case 0x0D: replacement = "\\r"
            case 0x09: replacement = "\\t"
            case 0x08: replacement = "\\b"
            case 0x0C: replacement = "\\f"
            case 0x3C: replacement = "\\u003c"
            case 0x3E: replacement = "\\u003e"
            case 0x26: replacement = "\\u0026"
            case 0x27: replacement = "\\u0027"
            case 0xE2:
                // U+2028 and U+2029 end lines in JavaScript: E2 80 A8 / E2 80 A9.
                if i + 2 < n && source[i + 1] == 0x80 && (source[i + 2] == 0xA8 || source[i + 2] == 0xA9) {
                    replacement = source[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                }
            default:
                if b < 0x20 { replacement = "\\u00" + hex2(b) }
            }
            if let replacement {
                if i > runStart { append(UnsafeBufferPointer(rebasing: source[runStart..<i])) }
                append(replacement)
                runStart = i + width
            }
            i += width
        }
        if runStart < n { append(UnsafeBufferPointer(rebasing: source[runStart..<n])) }
    }
}

/// HTML-escapes into a new string (markupsafe's `escape`), for filters and markup joins.
func escapeHTML(_ s: String) -> String {
    var needs = false
    for b in s.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 {
        needs = true
        break
    }
    if !needs { return s }
    var out = OutputBuffer()
    out.appendEscaped(s, mode: .html)
    return out.string
}

/// JSON string literals for hosts that write JSON outside a template (with the same escaping as
/// the `json` filter, so the text is also safe inside an HTML `<script>`).
public enum JSONText {
    /// `"…"` with quotes, backslashes, control characters, `<`, `>`, `&`, `'`, U+2028 and U+2029 escaped.
    public static func quoted(_ s: String) -> String {
        "\"" + escapeJSONString(s) + "\""
    }
}

/// JSON-string-escapes into a new string.
func escapeJSONString(_ s: String) -> String {
    var out = OutputBuffer()
    out.appendEscaped(s, mode: .jsonString)
    return out.string
}
