"""Photos for the photo-pipeline tests, made at test time with Pillow (nothing large is committed),
and readers in pure Python of the metadata a published photo must not carry.

Makers: a phone JPEG (EXIF orientation, GPS in Banyuwangi, make and model, XMP, IPTC, a comment),
a PNG screenshot (tEXt, zTXt, iTXt XMP, eXIf), a WebP with EXIF and XMP, a HEIC made with
`heif-enc`, and hostile files: a decompression bomb, a truncated JPEG, a JPEG carrying a 2 MB ICC
profile, a 100 MB file (sparse), a text file named .jpg.

Every photo is drawn upright with a red block in its top-left corner, a green one top-right and a
blue one bottom-right, then stored turned as a camera stores it for its EXIF orientation, so
`upright(image)` can tell whether a published photo was turned the right way.

Readers: `jpeg_segments`, `png_chunks`, `webp_chunks`, `exif_tags`, and `metadata(data)`, the set
of kinds of metadata a file carries whatever its format ("exif", "gps", "xmp", "iptc", "comment",
"text", ...); `PRIVATE` is the set a published photo must not have any of.
"""
import io
import random
import shutil
import struct
import subprocess
import zlib

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageStat, PngImagePlugin

HEIF_ENC = shutil.which("heif-enc") or "/usr/bin/heif-enc"

# Banyuwangi, East Java: 8°13'9.12" S, 114°22'8.76" E.
BANYUWANGI = ((8.0, 13.0, 9.12), "S", (114.0, 22.0, 8.76), "E")

# What a published photo (or any image of the site) must not carry.
PRIVATE = {"exif", "gps", "xmp", "iptc", "comment", "text", "time", "thumbnail", "extra-images", "maker"}

# Pillow's transposition that shows a stored image upright, for each EXIF orientation, and its inverse
# (how a camera holding the phone that way stores an upright scene).
_SHOW = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
         5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
         8: Image.Transpose.ROTATE_90}
_STORE = {**_SHOW, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}


# --- drawing ---------------------------------------------------------------------------------------

def picture(size, seed=0, noise=24):
    """An upright RGB "product photo" of `size`: soft gradient, shapes and a woven band drawn at a
    fifth of the size and scaled up (what survives a downscale, as in a real photo), sensor-like
    noise at full size (what makes a phone JPEG heavy and vanishes when scaled down), red, green
    and blue blocks in the top-left, top-right and bottom-right corners. The same arguments give the same pixels."""
    rng = random.Random(seed)
    width, height = size
    small = (max(64, width // 5), max(64, height // 5))
    ramp = Image.linear_gradient("L").resize(small).rotate(rng.choice([0, 180]))
    tints = [rng.randrange(60, 200) for _ in range(3)]
    base = Image.merge("RGB", [ramp.point(lambda v, t=t: min(255, t + v // 3)) for t in tints])
    draw = ImageDraw.Draw(base)
    sw, sh = small
    for _ in range(24):
        x, y = rng.randrange(sw), rng.randrange(sh)
        w, h = rng.randrange(sw // 40 + 2, sw // 3 + 3), rng.randrange(sh // 30 + 2, sh // 3 + 3)
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape([x, y, x + w, y + h], fill=tuple(rng.randrange(256) for _ in range(3)))
    for k in range(0, sw, max(4, sw // 66)):
        draw.line([k, sh * 2 // 3, k + sw // 13, sh], fill=(rng.randrange(100, 200),) * 3, width=max(1, sw // 260))
    image = base.filter(ImageFilter.GaussianBlur(1.2)).resize(size, Image.Resampling.BICUBIC)
    marks = ImageDraw.Draw(image)
    bw, bh = max(2, width * 12 // 100), max(2, height * 12 // 100)
    marks.rectangle([0, 0, bw, bh], fill=(220, 30, 30))
    marks.rectangle([width - 1 - bw, 0, width - 1, bh], fill=(30, 200, 40))
    marks.rectangle([width - 1 - bw, height - 1 - bh, width - 1, height - 1], fill=(30, 40, 220))
    if noise:
        grain = Image.frombytes("RGB", size, rng.randbytes(width * height * 3))
        grain = grain.point([v * noise // 255 for v in range(256)] * 3)
        image = ImageChops.add(image, grain, 1, -(noise // 2))
    return image


def stored(upright_image, orientation):
    """The pixels a camera stores for an upright scene taken with EXIF `orientation`."""
    return upright_image.transpose(_STORE[orientation]) if orientation in _STORE else upright_image


def shown(stored_image, orientation):
    """The upright view of stored pixels with EXIF `orientation` (what a viewer must do)."""
    return stored_image.transpose(_SHOW[orientation]) if orientation in _SHOW else stored_image


def upright(image):
    """True when the red block is top-left, the green one top-right and the blue one bottom-right,
    as drawn: false for any of the seven other ways of turning or mirroring the picture."""
    rgb = image.convert("RGB")
    width, height = rgb.size

    def mean(fx, fy):
        left, top = int(width * fx), int(height * fy)
        box = (left, top, left + max(1, width // 50), top + max(1, height // 50))
        return ImageStat.Stat(rgb.crop(box)).mean

    red, green, blue = mean(0.04, 0.04), mean(0.94, 0.04), mean(0.94, 0.94)
    return (red[0] > 150 and red[1] < 110 and red[2] < 110 and green[1] > 150 and green[0] < 110
            and green[2] < 110 and blue[2] > 150 and blue[0] < 110 and blue[1] < 110)


# --- metadata to write -----------------------------------------------------------------------------

def exif(orientation=1, gps=True, make="samsung", model="SM-A125F"):
    """EXIF bytes (without the `Exif\\0\\0` prefix) as a phone writes them."""
    data = Image.Exif()
    data[0x010F] = make
    data[0x0110] = model
    data[0x0131] = "A125FXXU3CWB1"
    data[0x0132] = "2025:11:20 10:15:00"
    if orientation:
        data[0x0112] = orientation
    data[0x8769] = {0x9003: "2025:11:20 10:15:00", 0x9004: "2025:11:20 10:15:00", 0x927C: b"SAMSUNG-MAKERNOTE\0" * 8}
    if gps:
        lat, lat_ref, lon, lon_ref = BANYUWANGI
        data[0x8825] = {0: b"\x02\x02\x00\x00", 1: lat_ref, 2: lat, 3: lon_ref, 4: lon, 5: 0, 6: 12.0}
    return data.tobytes()


XMP = (b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
       b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" '
       b'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" exif:GPSLatitude="8,13.152S" '
       b'exif:GPSLongitude="114,22.146E" photoshop:City="Banyuwangi"/></rdf:RDF></x:xmpmeta>'
       b'<?xpacket end="w"?>')


def segment(marker, payload):
    """One JPEG marker segment."""
    assert len(payload) <= 65533
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def iptc_segment():
    """APP13 with an IPTC record: caption and city."""
    def dataset(number, text):
        value = text.encode()
        return b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(value)) + value
    record = dataset(0x78, "Tas anyaman di rumah Bu Siti") + dataset(0x5A, "Banyuwangi")
    if len(record) % 2:
        record += b"\0"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\0\0" + struct.pack(">I", len(record)) + record
    return segment(0xED, b"Photoshop 3.0\0" + resource)


def insert_segments(jpeg, segments):
    """`jpeg` with `segments` inserted after its leading APPn segments (before the tables)."""
    assert jpeg[:2] == b"\xff\xd8"
    pos = 2
    while jpeg[pos] == 0xFF and 0xE0 <= jpeg[pos + 1] <= 0xEF:
        pos += 2 + struct.unpack(">H", jpeg[pos + 2:pos + 4])[0]
    return jpeg[:pos] + b"".join(segments) + jpeg[pos:]


def icc_profile(size):
    """An ICC profile header (RGB display, version 2.1) padded to `size` bytes."""
    header = struct.pack(">I4sI4s4s4s12s4s4sI4s4s8sI12s4s16s28s", size, b"lcms", 0x02100000, b"mntr", b"RGB ",
                         b"XYZ ", bytes(12), b"acsp", b"APPL", 0, b"none", b"none", bytes(8), 0,
                         struct.pack(">iii", 63190, 65536, 54061), b"lcms", bytes(16), bytes(28))
    return header + struct.pack(">I", 0) + bytes(size - len(header) - 4)


def icc_segments(profile):
    """APP2 ICC_PROFILE segments carrying `profile`, split as the ICC spec says."""
    step = 65533 - 14
    parts = [profile[i:i + step] for i in range(0, len(profile), step)]
    assert len(parts) <= 255
    return [segment(0xE2, b"ICC_PROFILE\0" + bytes([n + 1, len(parts)]) + part) for n, part in enumerate(parts)]


# --- fixtures --------------------------------------------------------------------------------------

def jpeg_bytes(image, quality=92, exif_data=b""):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, exif=exif_data)
    return buffer.getvalue()


def phone_jpeg(path, stored_size=(1600, 1200), orientation=6, gps=True, seed=0, quality=92, noise=24):
    """A phone photo: `stored_size` pixels as stored, EXIF orientation, make/model, date, maker note,
    GPS (Banyuwangi) unless `gps` is False, XMP with GPS, IPTC caption and city, a JPEG comment.
    Returns the upright size."""
    width, height = stored_size
    upright_size = (height, width) if orientation in (5, 6, 7, 8) else (width, height)
    image = stored(picture(upright_size, seed, noise), orientation)
    assert image.size == tuple(stored_size)
    data = jpeg_bytes(image, quality, exif(orientation, gps))
    extra = [segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + XMP), iptc_segment(),
             segment(0xFE, b"Dibuat dengan HP Samsung, Banyuwangi")]
    path.write_bytes(insert_segments(data, extra))
    return upright_size


def plain_jpeg(path, size=(800, 600), seed=1, quality=85, noise=8):
    """A photo with no metadata at all, upright as stored."""
    path.write_bytes(jpeg_bytes(picture(size, seed, noise), quality))
    return size


def screenshot_png(path, size=(720, 1560), seed=2):
    """A phone screenshot: flat colours and text-like bars; tEXt, zTXt, iTXt (XMP) and eXIf chunks."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, (236, 229, 221))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, height // 14], fill=(7, 94, 84))
    y = height // 10
    while y < height * 0.85:
        w = rng.randrange(width // 3, width * 3 // 4)
        x = width - w - 24 if rng.random() < 0.5 else 24
        h = rng.randrange(60, 160)
        draw.rounded_rectangle([x, y, x + w, y + h], 18, fill=(220, 248, 198) if x > 24 else (255, 255, 255))
        for line in range(y + 20, y + h - 20, 28):
            draw.rectangle([x + 16, line, x + 16 + rng.randrange(w // 3, w - 32), line + 12], fill=(60, 60, 60))
        y += h + 24
    marks = ImageDraw.Draw(image)
    marks.rectangle([0, 0, width * 12 // 100, height * 12 // 100], fill=(220, 30, 30))
    marks.rectangle([width * 88 // 100 - 1, 0, width - 1, height * 12 // 100], fill=(30, 200, 40))
    marks.rectangle([width * 88 // 100 - 1, height * 88 // 100 - 1, width - 1, height - 1], fill=(30, 40, 220))
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", "Android 13 Screenshot")
    info.add_text("Comment", "Percakapan dengan pembeli di Banyuwangi", zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode("utf-8"))
    image.save(path, "PNG", pnginfo=info, exif=exif(orientation=1))
    return size


def webp_with_exif(path, size=(1200, 900), seed=3):
    """A WebP (as WhatsApp and some phones save) with EXIF (GPS included) and XMP chunks."""
    picture(size, seed, noise=8).save(path, "WEBP", quality=85, exif=exif(orientation=1), xmp=XMP)
    return size


def heic(path, size=(1024, 768), seed=4):
    """A HEIC from an iPhone-like source: made with heif-enc from a PNG carrying EXIF with GPS and no
    orientation (HEIF turns images with its own boxes, which heif-enc does not write from EXIF)."""
    source = path.with_suffix(".heic-source.png")
    picture(size, seed, noise=8).save(source, "PNG", exif=exif(orientation=0))
    subprocess.run([HEIF_ENC, "-q", "60", str(source), "-o", str(path)], check=True, capture_output=True, timeout=120)
    source.unlink()
    return size


def png_bomb(path, width=30000, height=30000):
    """A decompression bomb: a valid PNG header claiming width x height RGB pixels (2.7 GB decoded)
    and a few KB of zlib data (the start of the all-black rows)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = zlib.compress(b"\0" * (4 << 20), 9)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", rows) + chunk(b"IEND", b""))


def jpeg_bomb(path, width=20000, height=20000):
    """A small JPEG whose frame header claims width x height pixels (400 megapixels)."""
    data = bytearray(jpeg_bytes(picture((64, 48), 5, 0), 80))
    pos = data.index(b"\xff\xc0")
    data[pos + 5:pos + 9] = struct.pack(">HH", height, width)
    path.write_bytes(bytes(data))


def truncated_jpeg(path, seed=6):
    """The first half of a real phone JPEG."""
    full = path.with_suffix(".whole.jpg")
    phone_jpeg(full, seed=seed)
    data = full.read_bytes()
    full.unlink()
    path.write_bytes(data[:len(data) // 2])


def icc_bomb_jpeg(path, icc_size=2 << 20):
    """A valid small JPEG carrying an ICC profile of `icc_size` bytes in APP2 segments."""
    data = jpeg_bytes(picture((640, 480), 7, 4), 85)
    path.write_bytes(insert_segments(data, icc_segments(icc_profile(icc_size))))


def huge_file(path, size=100 << 20):
    """A valid JPEG followed by zeros up to `size` bytes (a sparse file: takes no disk space)."""
    path.write_bytes(jpeg_bytes(picture((640, 480), 8, 4), 85))
    with open(path, "r+b") as handle:
        handle.truncate(size)


def text_as_jpeg(path):
    path.write_text("Ini bukan foto, hanya catatan harga: tas pandan Rp85.000\n", encoding="utf-8")


# name in content/images/products -> maker; every one of them must be refused when referenced.
HOSTILE = {
    "bom-dekompresi.png": png_bomb,
    "bom-jpeg.jpg": jpeg_bomb,
    "terpotong.jpg": truncated_jpeg,
    "icc-raksasa.jpg": icc_bomb_jpeg,
    "berkas-100mb.jpg": huge_file,
    "bukan-foto.jpg": text_as_jpeg,
}


# --- readers ---------------------------------------------------------------------------------------

_JPEG_APPS = [  # (marker, identifier prefix, kind)
    (0xE0, b"JFIF\0", "jfif"), (0xE0, b"JFXX\0", "thumbnail"),
    (0xE1, b"Exif\0", "exif"), (0xE1, b"http://ns.adobe.com/xap/1.0/\0", "xmp"),
    (0xE1, b"http://ns.adobe.com/xmp/extension/\0", "xmp"),
    (0xE2, b"ICC_PROFILE\0", "icc"), (0xE2, b"MPF\0", "extra-images"),
    (0xED, b"Photoshop 3.0\0", "iptc"), (0xEE, b"Adobe", "adobe"),
]


def jpeg_segments(data):
    """[(marker, kind, payload)] of every marker segment of a JPEG, including those between and
    after scans; kind names APPn and COM segments ("exif", "xmp", "iptc", "icc", "comment", "app5"...)
    and is "" for the others (tables, frame and scan headers)."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    found, pos = [], 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ValueError(f"no marker at {pos}")
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker == 0xD9:
            break
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        payload = data[pos + 4:pos + 2 + length]
        kind = ""
        if marker == 0xFE:
            kind = "comment"
        elif 0xE0 <= marker <= 0xEF:
            kind = next((k for m, prefix, k in _JPEG_APPS if m == marker and payload.startswith(prefix)),
                        f"app{marker - 0xE0}")
        found.append((marker, kind, payload))
        pos += 2 + length
        if marker == 0xDA:  # entropy-coded data up to the next marker that is not a stuffed byte or RSTn
            while pos + 1 < len(data) and not (data[pos] == 0xFF and data[pos + 1] not in (0x00, *range(0xD0, 0xD8))):
                pos += 1
    return found


def png_chunks(data):
    """[(type, payload)] of every chunk of a PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    found, pos = [], 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        found.append((kind.decode("latin-1"), data[pos + 8:pos + 8 + length]))
        pos += 12 + length
        if kind == b"IEND":
            break
    return found


def webp_chunks(data):
    """[(fourcc, payload)] of every RIFF chunk of a WebP."""
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise ValueError("not a WebP")
    found, pos = [], 12
    while pos + 8 <= len(data):
        kind, length = struct.unpack("<4sI", data[pos:pos + 8])
        found.append((kind.decode("latin-1"), data[pos + 8:pos + 8 + length]))
        pos += 8 + length + (length & 1)
    return found


def exif_tags(payload):
    """{tag: (type, count, raw value or offset)} of IFD0 of an EXIF/TIFF block (with or without the
    `Exif\\0\\0` prefix), plus "gps": the GPS IFD's tags when IFD0 points at one."""
    if payload.startswith(b"Exif\0\0"):
        payload = payload[6:]
    order = {b"II": "<", b"MM": ">"}.get(payload[:2])
    if order is None:
        raise ValueError("not a TIFF header")

    def ifd(offset):
        count = struct.unpack(order + "H", payload[offset:offset + 2])[0]
        entries = {}
        for n in range(count):
            at = offset + 2 + 12 * n
            tag, kind, number = struct.unpack(order + "HHI", payload[at:at + 8])
            entries[tag] = (kind, number, payload[at + 8:at + 12])
        return entries

    tags = ifd(struct.unpack(order + "I", payload[4:8])[0])
    if 0x8825 in tags:
        tags["gps"] = ifd(struct.unpack(order + "I", tags[0x8825][2])[0])
    orientation = tags.get(0x0112)
    tags["orientation"] = struct.unpack(order + "H", orientation[2][:2])[0] if orientation else None
    return tags


def exif_payloads(data):
    """Every EXIF block of a JPEG, PNG or WebP file."""
    if data[:2] == b"\xff\xd8":
        return [p for _, kind, p in jpeg_segments(data) if kind == "exif"]
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return [p for kind, p in png_chunks(data) if kind == "eXIf"]
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return [p for kind, p in webp_chunks(data) if kind == "EXIF"]
    return []


def metadata(data):
    """The kinds of metadata a file carries, by format, plus a scan of its bytes for EXIF and XMP
    signatures wherever they hide (also in formats not parsed here, such as GIF and HEIC)."""
    kinds = set()
    if data[:2] == b"\xff\xd8":
        kinds |= {kind for _, kind, _ in jpeg_segments(data) if kind}
    elif data[:8] == b"\x89PNG\r\n\x1a\n":
        names = {kind for kind, _ in png_chunks(data)}
        kinds |= {"exif"} if "eXIf" in names else set()
        kinds |= {"text"} if names & {"tEXt", "zTXt", "iTXt"} else set()
        kinds |= {"time"} if "tIME" in names else set()
        kinds |= {"icc"} if "iCCP" in names else set()
        kinds |= {"xmp"} if any(kind == "iTXt" and payload.startswith(b"XML:com.adobe.xmp\0")
                                for kind, payload in png_chunks(data)) else set()
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        chunks = webp_chunks(data)
        names = {kind for kind, _ in chunks}
        kinds |= {"exif"} if "EXIF" in names else set()
        kinds |= {"xmp"} if "XMP " in names else set()
        kinds |= {"icc"} if "ICCP" in names else set()
        flags = next((payload[0] for kind, payload in chunks if kind == "VP8X"), 0)
        kinds |= {"exif"} if flags & 0x08 else set()
        kinds |= {"xmp"} if flags & 0x04 else set()
    for payload in exif_payloads(data):
        try:
            tags = exif_tags(payload)
        except (ValueError, struct.error):
            continue
        if tags.get("gps"):
            kinds.add("gps")
        if 0x927C in tags or 0x8769 in tags:
            kinds.add("exif")
    if any(signature in data for signature in (b"Exif\0\0MM\0*", b"Exif\0\0II*\0", b"MM\0*\0\0\0\x08", b"II*\0\x08\0\0\0")):
        kinds.add("exif")  # an EXIF block anywhere (HEIC keeps it as an item, GIF and others in extensions)
    if b"<x:xmpmeta" in data or b"http://ns.adobe.com/xap/1.0/" in data or b"XMP DataXMP" in data:
        kinds.add("xmp")
    if b"Photoshop 3.0\0" in data:
        kinds.add("iptc")
    return kinds


def icc_size(data):
    """Bytes of the ICC profile a JPEG, PNG or WebP carries (0 when none)."""
    if data[:2] == b"\xff\xd8":
        return sum(len(p) - 14 for _, kind, p in jpeg_segments(data) if kind == "icc")
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return sum(len(zlib.decompress(p[p.index(b"\0") + 2:])) for kind, p in png_chunks(data) if kind == "iCCP")
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return sum(len(p) for kind, p in webp_chunks(data) if kind == "ICCP")
    return 0
