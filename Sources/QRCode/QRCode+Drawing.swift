extension QRCode {
    /// Light modules ISO/IEC 18004 asks for around the symbol, so a reader finds its edges.
    public static let quietZone = 4

    /// The code as an SVG element: one path of dark modules on a light square, quiet zone
    /// included, one user unit per module. `side` is the printed size in CSS units (e.g. "30mm"),
    /// `label` its accessible name. Dark runs in a row are one rectangle, which keeps the path short.
    public func svg(side: String, label: String) -> String {
        let full = size + 2 * Self.quietZone
        // Written as bytes: a price list draws a code per product, and string interpolation of
        // each run's numbers cost ten times the encoding itself.
        var out: [UInt8] = []
        out.reserveCapacity(size * size + 400)
        out += Array("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ".utf8)
        Self.appendDecimal(full, to: &out)
        out.append(UInt8(ascii: " "))
        Self.appendDecimal(full, to: &out)
        out += Array("\" width=\"\(side)\" height=\"\(side)\" role=\"img\" aria-label=\"\(escapedAttribute(label))\" shape-rendering=\"crispEdges\"><rect width=\"".utf8)
        Self.appendDecimal(full, to: &out)
        out += Array("\" height=\"".utf8)
        Self.appendDecimal(full, to: &out)
        out += Array("\" fill=\"#fff\"/><path fill=\"#000\" d=\"".utf8)
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else { column += 1; continue }
                let start = column
                while column < size, isDark(row: row, column: column) { column += 1 }
                let run = column - start
                out.append(UInt8(ascii: "M"))
                Self.appendDecimal(start + Self.quietZone, to: &out)
                out.append(UInt8(ascii: " "))
                Self.appendDecimal(row + Self.quietZone, to: &out)
                out.append(UInt8(ascii: "h"))
                Self.appendDecimal(run, to: &out)
                out += [UInt8(ascii: "v"), UInt8(ascii: "1"), UInt8(ascii: "h"), UInt8(ascii: "-")]
                Self.appendDecimal(run, to: &out)
                out.append(UInt8(ascii: "z"))
            }
        }
        out += Array("\"/></svg>".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Every number an SVG of the largest code (177 modules and the quiet zone) writes, spelled.
    private static let decimals: [[UInt8]] = (0...(177 + 2 * quietZone)).map { Array(String($0).utf8) }

    private static func appendDecimal(_ number: Int, to out: inout [UInt8]) {
        out.append(contentsOf: decimals[number])
    }

    /// The code for a terminal: each line is two module rows drawn with the half-block characters
    /// (▀ ▄ █ and space), dark on a light quiet zone, so a phone camera reads it off the screen.
    /// Terminals are usually light text on dark, so the text colour draws the *light* modules.
    public func terminalLines(quietZone: Int = QRCode.quietZone) -> [String] {
        let low = -quietZone, high = size + quietZone
        var lines: [String] = []
        var row = low
        while row < high {
            var line = ""
            for column in low..<high {
                let top = !isDark(row: row, column: column)
                let bottom = row + 1 < high && !isDark(row: row + 1, column: column)
                switch (top, bottom) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            lines.append(line)
            row += 2
        }
        return lines
    }

    private func escapedAttribute(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
