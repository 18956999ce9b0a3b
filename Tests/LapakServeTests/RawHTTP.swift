import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP/1.1 client on a socket: it sends the bytes exactly as written (a URL library would
/// clean up `/../` before the server ever saw it), and it reads event streams as they arrive.
final class RawConnection: @unchecked Sendable {
    private let fd: Int32
    private var received: [UInt8] = []
    /// The peer closed the connection.
    private(set) var ended = false

    init?(port: UInt16) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    func send(_ text: String) {
        send(bytes: Array(text.utf8))
    }

    func send(bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count <= 0 { return }
            offset += count
        }
    }

    /// Reads until `done` holds for everything received so far, the peer closes, or time runs out.
    @discardableResult
    func read(timeout: TimeInterval = 10, until done: ([UInt8]) -> Bool = { _ in false }) -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !done(received) {
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            var pending = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard left > 0, poll(&pending, 1, left) > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count <= 0 {
                ended = true
                break
            }
            received += buffer[..<count]
        }
        return received
    }

    /// Reads one complete response with a `Content-Length` body, leaving the rest for the next call.
    func response(timeout: TimeInterval = 10) -> RawResponse? {
        read(timeout: timeout) { RawResponse.parse($0) != nil }
        guard let (response, length) = RawResponse.parse(received) else { return nil }
        received.removeFirst(length)
        return response
    }

    /// Reads what is left and tells whether the peer then closed the connection.
    var isClosedByPeer: Bool {
        read(timeout: 5)
        return ended
    }

    func text() -> String { String(decoding: received, as: UTF8.self) }
}

struct RawResponse {
    let status: Int
    let headers: [String: String]
    let body: String

    /// A response and the number of bytes it took, once all of it has arrived.
    static func parse(_ bytes: [UInt8]) -> (RawResponse, Int)? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<($0 + 4)]) == separator }) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.hasPrefix("HTTP/1.1 "),
              let status = Int(statusLine.dropFirst(9).prefix(3)) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        guard bytes.count >= end + 4 + length else { return nil }
        let body = String(decoding: bytes[(end + 4)..<(end + 4 + length)], as: UTF8.self)
        return (RawResponse(status: status, headers: headers, body: body), end + 4 + length)
    }
}

/// Blocking socket work on a thread of its own: neither Swift's cooperative threads nor
/// Dispatch's workers, both of which the server under test needs.
func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: work()) }
    }
}

/// `GET path` on a fresh connection that closes after the answer.
func get(_ path: String, port: UInt16, host: String? = nil, headers: [String: String] = [:]) async -> RawResponse? {
    await offPool {
        guard let connection = RawConnection(port: port) else { return nil }
        var request = "GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
        connection.send(request + "\r\n")
        return connection.response()
    }
}
