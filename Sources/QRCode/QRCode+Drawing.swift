extension QRCode {
    /// Light modules ISO/IEC 18004 asks for around the symbol, so a reader finds its edges.
    public static let quietZone = 4

    /// The code as an SVG element: one path of dark modules on a light square, quiet zone
    /// included, one user unit per module. `side` is the printed size in CSS units (e.g. "30mm"),
    /// `label` its accessible name. Dark runs in a row are one rectangle, which keeps the path short.
    public func svg(side: String, label: String) -> String {
        let full = size + 2 * Self.quietZone
        // Written byte by byte into a buffer sized for the most runs a code can have: a price
        // list draws a code per product, and growing an array a byte at a time cost more than
        // the encoding itself.
        let runs = size * ((size + 1) / 2)
        let capacity = 300 + 2 * side.utf8.count + 6 * label.utf8.count + 21 * runs
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var out = ByteWriter(buffer: buffer)
            out.write("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            out.write(decimal: full)
            out.write(UInt8(ascii: " "))
            out.write(decimal: full)
            out.write("\" width=\"")
            out.write(side)
            out.write("\" height=\"")
            out.write(side)
            out.write("\" role=\"img\" aria-label=\"")
            out.write(escaping: label)
            out.write("\" shape-rendering=\"crispEdges\"><rect width=\"")
            out.write(decimal: full)
            out.write("\" height=\"")
            out.write(decimal: full)
            out.write("\" fill=\"#fff\"/><path fill=\"#000\" d=\"")
            modules.withUnsafeBufferPointer { modules in
                for row in 0..<size {
                    let first = row * size
                    var column = 0
                    while column < size {
                        guard modules[first + column] else { column += 1; continue }
                        let start = column
                        while column < size, modules[first + column] { column += 1 }
                        let run = column - start
                        out.write(UInt8(ascii: "M"))
                        out.write(decimal: start + Self.quietZone)
                        out.write(UInt8(ascii: " "))
                        out.write(decimal: row + Self.quietZone)
                        out.write(UInt8(ascii: "h"))
                        out.write(decimal: run)
                        out.write("v1h-")
                        out.write(decimal: run)
                        out.write(UInt8(ascii: "z"))
                    }
                }
            }
            out.write("\"/></svg>")
            count = out.count
        }
        return String(decoding: bytes, as: UTF8.self)
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
}

/// Writes into a buffer its caller sized for the worst case.
private struct ByteWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    mutating func write(_ byte: UInt8) {
        // The caller's bound is exact arithmetic; this check keeps a mistake in it from writing
        // past the buffer.
        precondition(count < buffer.count, "SVG buffer too small")
        buffer[count] = byte
        count += 1
    }

    mutating func write(_ text: String) {
        for byte in text.utf8 { write(byte) }
    }

    /// A number of at most three digits (a side is at most 177 modules and the quiet zone).
    mutating func write(decimal number: Int) {
        if number >= 100 { write(UInt8(truncatingIfNeeded: 48 + number / 100)) }
        if number >= 10 { write(UInt8(truncatingIfNeeded: 48 + number / 10 % 10)) }
        write(UInt8(truncatingIfNeeded: 48 + number % 10))
    }

    /// Text for a double-quoted attribute.
    mutating func write(escaping text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): write("&amp;")
            case UInt8(ascii: "<"): write("&lt;")
            case UInt8(ascii: ">"): write("&gt;")
            case UInt8(ascii: "\""): write("&quot;")
            case UInt8(ascii: "'"): write("&#39;")
            default: write(byte)
            }
        }
    }
}
