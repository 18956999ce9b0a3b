extension QRCode {
    /// Light modules ISO/IEC 18004 asks for around the symbol, so a reader finds its edges.
    public static let quietZone = 4

    /// The code as an SVG element: one path of dark modules on a light square, quiet zone
    /// included, one user unit per module. `side` is the printed size in CSS units (e.g. "30mm"),
    /// `label` its accessible name. Dark runs in a row are one rectangle, which keeps the path short.
    public func svg(side: String, label: String) -> String {
        let full = size + 2 * Self.quietZone
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else { column += 1; continue }
                let start = column
                while column < size, isDark(row: row, column: column) { column += 1 }
                path += "M\(start + Self.quietZone) \(row + Self.quietZone)h\(column - start)v1h-\(column - start)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(full) \(full)\" width=\"\(side)\" height=\"\(side)\" role=\"img\" aria-label=\"\(escapedAttribute(label))\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(full)\" height=\"\(full)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
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
