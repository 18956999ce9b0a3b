import Foundation
import LapakCore
import QRCode

/// What the terminal shows when the editor starts: its address, and beyond loopback the PIN and
/// a QR code of the address drawn with half-block characters, which a phone's camera opens.
public enum EditorAnnouncement {
    public static func lines(url: String, pin: String?, language: Language) -> [String] {
        let id = language == .id
        let address = url + "_lapak/"
        guard let pin else {
            return [(id ? "Penyunting di " : "Editor at ") + address]
        }
        var lines = [
            (id ? "Penyunting untuk HP di jaringan ini: " : "Editor for phones on this network: ") + address,
            (id ? "PIN: " : "PIN: ") + pin + (id ? "  (bagikan hanya kepada anggota)" : "  (share with members only)"),
        ]
        if let code = try? QRCode(encoding: address) {
            lines.append(id ? "Pindai dengan kamera HP:" : "Scan with a phone's camera:")
            lines += code.terminalLines()
        }
        return lines
    }

    /// The first IPv4 address of this computer on a network (not loopback), for the URL phones
    /// open when the server listens on every interface; nil when there is none.
    public static func lanAddress() -> String? {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0, let start = first else { return nil }
        defer { freeifaddrs(first) }
        var pointer: UnsafeMutablePointer<ifaddrs>? = start
        while let entry = pointer {
            defer { pointer = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                  (entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK)) == 0, (entry.pointee.ifa_flags & UInt32(IFF_UP)) != 0 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            return String(cString: host)
        }
        return nil
    }
}
