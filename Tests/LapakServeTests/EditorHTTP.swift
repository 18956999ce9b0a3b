import Foundation

/// Requests to the editor: any method, headers and body, on a fresh connection.
func send(_ method: String, _ path: String, port: UInt16, headers: [String: String] = [:], body: [UInt8] = [],
          announcedLength: Int? = nil) async -> RawResponse? {
    await offPool {
        guard let connection = RawConnection(port: port) else { return nil }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        request += "Content-Length: \(announcedLength ?? body.count)\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
        connection.send(request + "\r\n")
        connection.send(bytes: body)
        // A save checks the file as `lapak check` would; on a machine busy with the whole suite
        // that can take longer than a page does.
        return connection.response(timeout: 60)
    }
}

/// `application/x-www-form-urlencoded` of `fields`.
func urlEncoded(_ fields: [String: String]) -> [UInt8] {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return Array(fields.sorted { $0.key < $1.key }.map { key, value in
        key.addingPercentEncoding(withAllowedCharacters: allowed)! + "=" + value.addingPercentEncoding(withAllowedCharacters: allowed)!
    }.joined(separator: "&").utf8)
}

/// A `multipart/form-data` body of `fields` and one file part, as a browser sends it.
func multipart(_ fields: [String: String], file: (name: String, fileName: String, bytes: [UInt8])?, boundary: String = "----lapakTest7MA4YWxk") -> [UInt8] {
    var out: [UInt8] = []
    for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
        out += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8)
    }
    if let file {
        out += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\nContent-Type: image/jpeg\r\n\r\n".utf8)
        out += file.bytes + Array("\r\n".utf8)
    }
    return out + Array("--\(boundary)--\r\n".utf8)
}

extension RawResponse {
    /// The value of a hidden field of the form in the body.
    func hidden(_ name: String) -> String? {
        guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    /// `lapak_editor=…` from `Set-Cookie`.
    var sessionCookie: String? {
        headers["set-cookie"].map { String($0.prefix { $0 != ";" }) }
    }
}

