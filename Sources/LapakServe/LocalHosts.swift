/// Names under which a loopback server is legitimately reached. A page on another site can make a
/// browser send requests to 127.0.0.1 under the attacker's own host name (DNS rebinding); refusing
/// any other `Host` keeps such a page from reading the preview.
enum LocalHosts {
    /// The host name of a `Host` header, lower-cased, without the port: `[::1]:8080` → `::1`.
    static func name(ofHostHeader value: String) -> String? {
        let value = value.lowercased()
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            let rest = value[value.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber)) else { return nil }
            return String(value[value.index(after: value.startIndex)..<close])
        }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard let host = parts.first, !host.isEmpty, parts.count <= 2 else { return nil }
        if parts.count == 2, parts[1].isEmpty || !parts[1].allSatisfy(\.isNumber) { return nil }
        return String(host)
    }

    static func isLocal(_ name: String) -> Bool {
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// An `Origin` is acceptable when absent or when it is this very server as the browser named it.
    static func originMatches(_ origin: String?, host: String) -> Bool {
        guard let origin else { return true }
        return origin.lowercased() == "http://" + host.lowercased()
    }
}
