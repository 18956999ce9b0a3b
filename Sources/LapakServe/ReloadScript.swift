/// The few lines that make an open page reload after a rebuild. They are added to pages as they
/// are served, never written into the built site, so `site/` stays free of them.
enum ReloadScript {
    static let endpoint = "/__lapak/reload"

    /// The page knows the build it came from; the server announces the current build on connect
    /// and after every rebuild, so a rebuild that happened while the page loaded is not missed.
    static func tag(generation: Int) -> String {
        """
        <script>(function(){var seen="\(generation)";var events=new EventSource("\(endpoint)");\
        events.addEventListener("build",function(e){if(e.data!==seen){events.close();location.reload();}});})();</script>
        """
    }

    /// The page with the script before its last `</body>`, or at its end when it has none.
    static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let script = Array(tag(generation: generation).utf8)
        let closing = Array("</body>".utf8)
        var index = html.count - closing.count
        while index >= 0 {
            if zip(html[index..<(index + closing.count)], closing).allSatisfy({ lowercased($0) == $1 }) {
                return Array(html[..<index]) + script + Array(html[index...])
            }
            index -= 1
        }
        return html + script
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
