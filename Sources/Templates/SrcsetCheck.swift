/// The URL check of a `srcset` value: every image candidate it begins must pass `URLPolicy`.
///
/// Candidates are the comma-separated pieces; a piece's URL is its first run of non-space
/// characters. `srcset` values are long (one candidate per photo width) and nearly always ASCII,
/// so ASCII text is checked on its bytes; other text by `Character`, as the split was defined.
enum SrcsetCheck {
    /// Whether every candidate URL in `text` is allowed. `candidateStart`: whether the value's
    /// first piece begins a candidate (otherwise the template's text before it did).
    static func allows(_ text: String, trusted: Bool, candidateStart: Bool) -> Bool {
        var text = text
        if let answer = text.withUTF8({ allowsASCII($0, trusted: trusted, candidateStart: candidateStart) }) {
            return answer
        }
        return allowsByCharacter(text, trusted: trusted, candidateStart: candidateStart)
    }

    /// The answer for ASCII text, or nil when the text has other bytes. In ASCII every character
    /// is one byte but "\r\n", whose two bytes are both spaces, as the character counts as one.
    private static func allowsASCII(_ bytes: UnsafeBufferPointer<UInt8>, trusted: Bool, candidateStart: Bool) -> Bool? {
        let n = bytes.count
        var pieceStart = 0
        var checksPiece = candidateStart
        var i = 0
        while i <= n {
            if i < n {
                let b = bytes[i]
                if b >= 0x80 { return nil }
                if b != UInt8(ascii: ",") {
                    i += 1
                    continue
                }
            }
            if checksPiece && !allowsCandidate(UnsafeBufferPointer(rebasing: bytes[pieceStart..<i]), trusted: trusted) {
                // Final even if non-ASCII text follows: a refusal is decided by the URL's text up
                // to a colon, which the check by character reads the same.
                return false
            }
            checksPiece = true
            pieceStart = i + 1
            i += 1
        }
        return true
    }

    private static func allowsCandidate(_ piece: UnsafeBufferPointer<UInt8>, trusted: Bool) -> Bool {
        var start = 0
        while start < piece.count && isHTMLSpace(piece[start]) { start += 1 }
        var end = start
        while end < piece.count && !isHTMLSpace(piece[end]) { end += 1 }
        let url = UnsafeBufferPointer(rebasing: piece[start..<end])
        return trusted ? URLPolicy.allowsMarkup(String(decoding: url, as: UTF8.self)) : URLPolicy.allows(utf8: url)
    }

    private static func allowsByCharacter(_ text: String, trusted: Bool, candidateStart: Bool) -> Bool {
        for (index, piece) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated()
        where index > 0 || candidateStart {
            let url = piece.drop { isHTMLSpace($0.asciiValue ?? 0) }.prefix { !isHTMLSpace($0.asciiValue ?? 0) }
            let allowed = trusted ? URLPolicy.allowsMarkup(String(url)) : URLPolicy.allows(url)
            if !allowed { return false }
        }
        return true
    }
}
