import FlyingFox
import FlyingSocks
import Foundation

/// The address to listen on, from `--host`: an IPv4 or IPv6 literal, or `localhost`.
struct BindAddress {
    let address: any SocketAddress
    /// True for 127.0.0.0/8 and ::1: only then is a foreign `Host` header surely an attack
    /// (DNS rebinding), since nobody else can reach the server under another name.
    let isLoopback: Bool
    /// How the host is written in a URL: `127.0.0.1`, `[::1]`, or `localhost` for "every interface".
    let urlHost: String

    init?(host: String, port: UInt16) {
        let name = host == "localhost" ? "127.0.0.1" : host
        if let v4 = try? sockaddr_in.inet(ip4: name, port: port) {
            address = v4
            isLoopback = name.hasPrefix("127.")
            urlHost = name == "0.0.0.0" ? "localhost" : name
        } else if let v6 = try? sockaddr_in6.inet6(ip6: name, port: port) {
            address = v6
            isLoopback = name == "::1"
            urlHost = name == "::" ? "localhost" : "[\(name)]"
        } else {
            return nil
        }
    }
}
