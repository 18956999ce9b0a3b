/// An EXIF block as a phone writes one: an orientation and the GPS position where the photo was
/// taken, spliced into a JPEG after its start marker. Big-endian TIFF, as most phones write.
public enum PhoneEXIF {
    /// A village in Banyuwangi: 8.2° S, 114.3° E.
    public static func splice(into jpeg: [UInt8], orientation: Int, gps: Bool = true) -> [UInt8] {
        precondition(jpeg.starts(with: [0xFF, 0xD8]))
        let block = Array("Exif".utf8) + [0, 0] + tiff(orientation: orientation, gps: gps)
        let segment: [UInt8] = [0xFF, 0xE1] + be16(block.count + 2) + block
        return [0xFF, 0xD8] + segment + jpeg.dropFirst(2)
    }

    static func tiff(orientation: Int, gps: Bool) -> [UInt8] {
        // Layout: header (8), IFD0 at 8, GPS IFD after it, then the rationals.
        let ifd0Entries = gps ? 2 : 1
        let ifd0Size = 2 + 12 * ifd0Entries + 4
        let gpsOffset = 8 + ifd0Size
        let gpsSize = 2 + 12 * 4 + 4
        let latitudeOffset = gpsOffset + gpsSize
        let longitudeOffset = latitudeOffset + 24
        var out: [UInt8] = Array("MM".utf8) + [0, 42] + be32(8)
        out += be16(ifd0Entries)
        out += entry(tag: 0x0112, type: 3, count: 1, value: be16(orientation) + [0, 0])
        if gps { out += entry(tag: 0x8825, type: 4, count: 1, value: be32(gpsOffset)) }
        out += be32(0)
        guard gps else { return out }
        out += be16(4)
        out += entry(tag: 0x0001, type: 2, count: 2, value: Array("S".utf8) + [0, 0, 0])
        out += entry(tag: 0x0002, type: 5, count: 3, value: be32(latitudeOffset))
        out += entry(tag: 0x0003, type: 2, count: 2, value: Array("E".utf8) + [0, 0, 0])
        out += entry(tag: 0x0004, type: 5, count: 3, value: be32(longitudeOffset))
        out += be32(0)
        for (degrees, minutes) in [(8, 12), (114, 18)] {
            out += be32(degrees) + be32(1) + be32(minutes) + be32(1) + be32(0) + be32(1)
        }
        return out
    }

    static func entry(tag: Int, type: Int, count: Int, value: [UInt8]) -> [UInt8] {
        be16(tag) + be16(type) + be32(count) + value
    }

    static func be16(_ value: Int) -> [UInt8] { [UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)] }
    static func be32(_ value: Int) -> [UInt8] { TestPNG.be32(value) }
}
