/// What the HTML analysis of one template found: a mode for each output, or why it cannot have one.
struct ContextLog {
    var failures: [(offset: Int, message: String)] = []
    /// Escaping mode by the offset of each output node.
    var modes: [Int: EscapeMode] = [:]
}

/// The tokenizer half of `HTMLContext`: literal text moves the state on, and a `{{ }}` asks it
/// for a mode.
extension HTMLContext {
    /// Moves over a template's literal text, which starts at `base` in the source.
    mutating func consume(_ bytes: [UInt8], at base: Int, into log: inout ContextLog) {
        let n = bytes.count
        var i = 0
        while i < n {
            // Most of a template is text or plain attribute values: only `<` or the closing quote
            // changes anything there, so skip to it.
            if state == .text {
                while i < n && bytes[i] != UInt8(ascii: "<") { i += 1 }
                if i == n { return }
            } else if state == .attributeValue && attribute.kind == .plain && !attribute.isFact {
                let quote = attribute.quote
                while i < n && bytes[i] != quote { i += 1 }
                if i == n { return }
            }
            step(bytes[i], at: base + i, into: &log)
            i += 1
        }
    }

    /// The mode of a `{{ }}` here, or nil after logging why data may not stand here.
    mutating func output(at offset: Int, into log: inout ContextLog) -> EscapeMode? {
        func refuse(_ message: String) -> EscapeMode? {
            log.failures.append((offset, message))
            return nil
        }
        switch state {
        case .text, .comment, .bogusComment:
            return .html
        case .markupDeclarationOpen:
            state = .bogusComment
            return .html
        case .rawText:
            switch raw.kind {
            case .jsonLD: return raw.jsonString ? .scriptJSONString : .scriptJSONValue
            case .script:
                return refuse("'{{ }}' inside a <script> element: data never becomes script. Only JSON-LD "
                    + "(<script type=\"application/ld+json\">) may hold data; pass other data in a data-* attribute")
            case .style:
                return refuse("'{{ }}' inside a <style> element: data never becomes CSS; choose a class instead")
            case .escapable, .plaintext, .none:
                return .html
            }
        case .tagOpen, .endTagOpen:
            return refuse("'{{ }}' as an element name: data never chooses which element the page has")
        case .tagName:
            return .tagNameDigits
        case .beforeAttributeName, .attributeName, .afterAttributeName:
            return refuse("'{{ }}' as an attribute name in <\(tag.nameText)>: data never chooses attributes; "
                + "write the attribute in the template and put the value in quotes")
        case .beforeAttributeValue, .unquotedAttributeValue:
            return refuse("'{{ }}' in the unquoted value of '\(attribute.nameText)': "
                + "put the value in quotes, as \(attribute.nameText)=\"{{ … }}\"")
        case .attributeValue:
            attribute.fromData = true
            switch attribute.kind {
            case .plain:
                return .attribute
            case .script:
                return refuse("'{{ }}' inside the event handler '\(attribute.nameText)': data never becomes script; "
                    + "pass it in a data-* attribute instead")
            case .style:
                return refuse("'{{ }}' inside the style attribute: data never becomes CSS; choose a class instead")
            case .markup:
                return refuse("'{{ }}' inside '\(attribute.nameText)', whose value is a whole HTML document")
            case .url:
                defer { if attribute.url == .start { attribute.url = .afterData } }
                return attribute.url == .rest ? .attribute : .url
            case .srcset:
                let starts = attribute.srcset == .candidateStart || attribute.srcset == .afterData
                if attribute.srcset == .candidateStart { attribute.srcset = .afterData }
                return .srcset(candidateStart: starts)
            case .metaContent:
                let checksScheme = attribute.url != .rest
                if attribute.url == .start { attribute.url = .afterData }
                if Self.metaIsURL(tag) { return checksScheme ? .url : .attribute }
                // The meta's property may come later in the tag: decided when the tag ends.
                tag.pending.append(.init(offset: offset, checksScheme: checksScheme, colonAfterData: nil))
                return .attribute
            }
        }
    }

    /// Metas whose property is still unknown where a block ends are taken for URLs: the tag
    /// ends in another template, so the cautious mode is the one that holds.
    mutating func settlePending(into log: inout ContextLog) {
        for pending in tag.pending where pending.checksScheme { log.modes[pending.offset] = .url }
        tag.pending = []
    }

    /// The end of the template: anything but text left open is an error.
    func finish(into log: inout ContextLog, at end: Int) {
        switch state {
        case .text, .bogusComment, .markupDeclarationOpen, .comment, .tagOpen, .endTagOpen:
            return
        case .rawText:
            if raw.kind == .plaintext || raw.kind == .escapable { return }
            log.failures.append((tag.start, "the template ends inside \(describe), opened here; close it with </\(raw.nameText)>"))
        default:
            log.failures.append((tag.start, "the template ends inside \(describe), opened here; close it with '>'"))
        }
    }

    // MARK: The tokenizer

    private mutating func step(_ c: UInt8, at offset: Int, into log: inout ContextLog) {
        var reconsume = true
        while reconsume {
            reconsume = false
            switch state {
            case .text:
                if c == UInt8(ascii: "<") {
                    state = .tagOpen
                    tag = HTMLTag(start: offset)
                }
            case .tagOpen:
                if isASCIILetter(c) {
                    tag.name = [lowercased(c)]
                    state = .tagName
                } else if c == UInt8(ascii: "/") {
                    state = .endTagOpen
                } else if c == UInt8(ascii: "!") {
                    state = .markupDeclarationOpen
                    dashes = 0
                } else if c == UInt8(ascii: "?") {
                    state = .bogusComment
                } else {
                    state = .text
                    reconsume = true
                }
            case .endTagOpen:
                if isASCIILetter(c) {
                    tag.name = [lowercased(c)]
                    tag.isEnd = true
                    state = .tagName
                } else {
                    state = c == UInt8(ascii: ">") ? .text : .bogusComment
                }
            case .tagName:
                if isHTMLSpace(c) || c == UInt8(ascii: "/") {
                    state = .beforeAttributeName
                } else if c == UInt8(ascii: ">") {
                    emitTag(into: &log)
                } else if tag.name.count < 64 {
                    tag.name.append(lowercased(c))
                }
            case .beforeAttributeName:
                if c == UInt8(ascii: ">") {
                    emitTag(into: &log)
                } else if !isHTMLSpace(c) && c != UInt8(ascii: "/") {
                    attribute = HTMLAttribute(name: [lowercased(c)])
                    state = .attributeName
                }
            case .attributeName:
                if isHTMLSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") {
                    state = .afterAttributeName
                    reconsume = true
                } else if c == UInt8(ascii: "=") {
                    beginValue()
                } else if attribute.name.count < 64 {
                    attribute.name.append(lowercased(c))
                }
            case .afterAttributeName:
                if c == UInt8(ascii: "=") {
                    beginValue()
                } else if c == UInt8(ascii: ">") {
                    endAttribute()
                    emitTag(into: &log)
                } else if c == UInt8(ascii: "/") {
                    endAttribute()
                    state = .beforeAttributeName
                } else if !isHTMLSpace(c) {
                    endAttribute()
                    attribute = HTMLAttribute(name: [lowercased(c)])
                    state = .attributeName
                }
            case .beforeAttributeValue:
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    attribute.quote = c
                    state = .attributeValue
                } else if c == UInt8(ascii: ">") {
                    endAttribute()
                    emitTag(into: &log)
                } else if !isHTMLSpace(c) {
                    state = .unquotedAttributeValue
                    reconsume = true
                }
            case .attributeValue:
                if c == attribute.quote {
                    endAttribute()
                    state = .beforeAttributeName
                } else {
                    valueText(c, at: offset, into: &log)
                }
            case .unquotedAttributeValue:
                if isHTMLSpace(c) {
                    endAttribute()
                    state = .beforeAttributeName
                } else if c == UInt8(ascii: ">") {
                    endAttribute()
                    emitTag(into: &log)
                } else {
                    valueText(c, at: offset, into: &log)
                }
            case .markupDeclarationOpen:
                if c == UInt8(ascii: "-") {
                    dashes += 1
                    if dashes == 2 {
                        // `<!-->` and `<!--->` close at once: count the opening dashes.
                        state = .comment
                        commentBang = false
                    }
                } else {
                    state = .bogusComment
                    reconsume = true
                }
            case .comment:
                if c == UInt8(ascii: "-") {
                    dashes += 1
                    commentBang = false
                } else if c == UInt8(ascii: ">") && (dashes >= 2 || commentBang) {
                    state = .text
                    dashes = 0
                    commentBang = false
                } else if c == UInt8(ascii: "!") && dashes >= 2 {
                    commentBang = true
                    dashes = 0
                } else {
                    dashes = 0
                    commentBang = false
                }
            case .bogusComment:
                if c == UInt8(ascii: ">") { state = .text }
            case .rawText:
                rawText(c, at: offset, into: &log)
            }
        }
    }

    private mutating func beginValue() {
        attribute.kind = Self.kind(of: attribute.name, in: tag.name)
        attribute.isFact = HTMLTag.factNames.contains(attribute.nameText)
        attribute.value = []
        state = .beforeAttributeValue
    }

    /// Keeps the attribute's literal value if the tag's kind depends on it.
    private mutating func endAttribute() {
        let name = attribute.nameText
        if !tag.isEnd && HTMLTag.factNames.contains(name) && tag.facts[name] == nil {
            tag.facts[name] = attribute.fromData ? .fromData : .value(String(decoding: attribute.value, as: UTF8.self))
        }
        attribute = HTMLAttribute()
    }

    /// Literal text inside an attribute value: follows URL and srcset positions.
    private mutating func valueText(_ c: UInt8, at offset: Int, into log: inout ContextLog) {
        if attribute.isFact && attribute.value.count < 256 { attribute.value.append(c) }
        switch attribute.kind {
        case .url, .metaContent:
            switch attribute.url {
            case .start:
                if !isHTMLSpace(c) { attribute.url = .rest }
            case .afterData:
                if c == UInt8(ascii: ":") {
                    if attribute.kind == .url || Self.metaIsURL(tag) {
                        log.failures.append((offset, schemeFromData))
                    } else if let last = tag.pending.indices.last {
                        // A meta whose property comes later: an error only if it turns out a URL.
                        tag.pending[last].colonAfterData = offset
                    }
                    attribute.url = .rest
                } else if !isSchemeCharacter(c) && c != 0x09 && c != 0x0A && c != 0x0D {
                    attribute.url = .rest
                }
            case .rest:
                break
            }
        case .srcset:
            switch attribute.srcset {
            case .candidateStart:
                if !isHTMLSpace(c) && c != UInt8(ascii: ",") { attribute.srcset = .url }
            case .afterData:
                if c == UInt8(ascii: ":") {
                    log.failures.append((offset, schemeFromData))
                    attribute.srcset = .url
                } else if c == UInt8(ascii: ",") {
                    attribute.srcset = .candidateStart
                } else if isHTMLSpace(c) {
                    attribute.srcset = .descriptor
                } else if !isSchemeCharacter(c) {
                    attribute.srcset = .url
                }
            case .url:
                if c == UInt8(ascii: ",") {
                    attribute.srcset = .candidateStart
                } else if isHTMLSpace(c) {
                    attribute.srcset = .descriptor
                }
            case .descriptor:
                if c == UInt8(ascii: ",") { attribute.srcset = .candidateStart }
            }
        default:
            break
        }
    }

    private var schemeFromData: String {
        "':' after a value from data in '\(attribute.nameText)' would let the data choose the URL's scheme; "
            + "write the scheme in the template (https://…) or pass the whole URL as one value"
    }

    /// A start tag's end: raw-text elements change how what follows is read, and a `<meta>`
    /// now knows whether its `content` is a URL.
    private mutating func emitTag(into log: inout ContextLog) {
        let finished = tag
        tag = HTMLTag(start: finished.start)
        attribute = HTMLAttribute()
        state = .text
        guard !finished.isEnd else { return }
        if !finished.pending.isEmpty {
            let isURL = Self.metaIsURL(finished)
            for pending in finished.pending {
                log.modes[pending.offset] = isURL && pending.checksScheme ? .url : .attribute
                if isURL, let colon = pending.colonAfterData {
                    log.failures.append((colon, "':' after a value from data in 'content' would let the data choose the URL's scheme"))
                }
            }
        }
        var kind = RawTextElement.Kind.none
        switch finished.nameText {
        case "script":
            kind = .script
            if case .value(let type)? = finished.facts["type"],
               type.trimmingASCIISpaces.lowercased() == "application/ld+json" {
                kind = .jsonLD
            }
        case "style": kind = .style
        case "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript": kind = .escapable
        case "plaintext": kind = .plaintext
        default: break
        }
        if kind != .none {
            state = .rawText
            raw = RawTextElement(kind: kind, name: finished.name)
        }
    }

    private mutating func rawText(_ c: UInt8, at offset: Int, into log: inout ContextLog) {
        if raw.kind == .jsonLD {
            if raw.jsonEscape {
                raw.jsonEscape = false
            } else if raw.jsonString && c == UInt8(ascii: "\\") {
                raw.jsonEscape = true
            } else if c == UInt8(ascii: "\"") {
                raw.jsonString.toggle()
            }
        }
        guard raw.kind != .plaintext else { return }
        // `</name` followed by a space, `/` or `>` ends the element, whatever came before.
        let n = raw.name.count
        switch raw.endMatch {
        case 0:
            raw.endMatch = c == UInt8(ascii: "<") ? 1 : 0
        case 1:
            raw.endMatch = c == UInt8(ascii: "/") ? 2 : (c == UInt8(ascii: "<") ? 1 : 0)
        case 2..<(2 + n):
            raw.endMatch = lowercased(c) == raw.name[raw.endMatch - 2] ? raw.endMatch + 1 : (c == UInt8(ascii: "<") ? 1 : 0)
        default:
            if isHTMLSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") {
                tag = HTMLTag(name: raw.name, isEnd: true, start: offset - n - 2)
                raw = RawTextElement()
                state = .beforeAttributeName
                reconsumeEndTag(c, into: &log)
            } else {
                raw.endMatch = c == UInt8(ascii: "<") ? 1 : 0
            }
        }
    }

    private mutating func reconsumeEndTag(_ c: UInt8, into log: inout ContextLog) {
        if c == UInt8(ascii: ">") { emitTag(into: &log) }
    }
}

@inline(__always) private func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

@inline(__always) private func lowercased(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }

/// Space, tab, line feed, form feed and carriage return: what separates attributes.
@inline(__always) func isHTMLSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }

/// Letters, digits, `+`, `-` and `.`: what a URL scheme is made of.
@inline(__always) private func isSchemeCharacter(_ c: UInt8) -> Bool {
    isASCIILetter(c) || isDigit(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
}

extension String {
    var trimmingASCIISpaces: Substring {
        var s = Substring(self)
        while let f = s.utf8.first, isHTMLSpace(f) { s = s.dropFirst() }
        while let l = s.utf8.last, isHTMLSpace(l) { s = s.dropLast() }
        return s
    }
}
