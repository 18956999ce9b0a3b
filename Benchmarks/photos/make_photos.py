#!/usr/bin/env python3
"""Writes seeded phone-like photos for measuring image pipelines: 4000×3000 JPEGs of about 3 MB
(quality 92), with EXIF Make/Model/DateTime, a GPS position near a village in Banyuwangi on every
photo and Orientation 6 (stored landscape, shown portrait: the phone was held upright) on every
other photo.

Usage: make_photos.py OUT_DIR [--count N] [--seed S] [--width W] [--height H] [--workers K]

The picture is a smooth background (a small grid of random colours blown up), shapes (leaves,
fabric stripes, baskets), a mid-scale texture and fine sensor noise, so that the encoder cannot
squeeze it to nothing. The same arguments always give the same bytes for a given Pillow: each photo
has its own generator, seeded by the corpus seed and its number, and noise comes from Python's
random (Pillow's effect_noise uses the C library's rand(), whose state is shared).
"""
import argparse
import multiprocessing
import pathlib
import random

from PIL import Image, ImageDraw, ImageFilter

QUALITY = 92
# Near a village in Banyuwangi, East Java; each photo is a few hundred metres from the last.
LATITUDE, LONGITUDE = -8.2, 114.3
PHONES = [("samsung", "SM-A155F"), ("OPPO", "CPH2591"), ("Xiaomi", "23108RN04Y"), ("vivo", "V2247")]

# EXIF and GPS tag numbers (Pillow.ExifTags.Base / GPS).
ORIENTATION, MAKE, MODEL, DATETIME, SOFTWARE, EXIF_IFD, GPS_IFD = 0x0112, 0x010F, 0x0110, 0x0132, 0x0131, 0x8769, 0x8825
DATETIME_ORIGINAL = 0x9003
GPS_VERSION, GPS_LAT_REF, GPS_LAT, GPS_LON_REF, GPS_LON, GPS_ALT_REF, GPS_ALT = 0, 1, 2, 3, 4, 5, 6


def name(i):
    return "foto-%02d.jpg" % (i + 1)


def dms(value):
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return (float(degrees), float(minutes), seconds)


def noise(rng, size, mode="L"):
    bands = len(mode)
    return Image.frombytes(mode, size, rng.randbytes(size[0] * size[1] * bands))


def picture(rng, width, height):
    # Background: a 6×5 grid of colours, bicubic-blown up into soft gradients.
    grid = Image.new("RGB", (6, 5))
    grid.putdata([tuple(rng.randint(40, 230) for _ in range(3)) for _ in range(30)])
    img = grid.resize((width, height), Image.BICUBIC)
    draw = ImageDraw.Draw(img)
    # Shapes: ellipses (leaves, fruit), polygons (cloth, baskets), stripes (weaving).
    for _ in range(rng.randint(40, 70)):
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randint(40, width // 3), rng.randint(40, height // 3)
        kind = rng.random()
        if kind < 0.45:
            draw.ellipse([x - w // 2, y - h // 2, x + w // 2, y + h // 2], fill=colour)
        elif kind < 0.8:
            points = [(x + rng.randint(-w, w), y + rng.randint(-h, h)) for _ in range(rng.randint(3, 7))]
            draw.polygon(points, fill=colour)
        else:
            step = rng.randint(6, 24)
            for k in range(0, w, step * 2):
                draw.rectangle([x + k, y, x + k + step, y + h], fill=colour)
    img = img.filter(ImageFilter.BoxBlur(1))
    # Texture: coarse grain (cloth, leaves, soil), then fine per-channel sensor noise.
    coarse = noise(rng, (width // 4, height // 4), "RGB").resize((width, height), Image.BICUBIC)
    img = Image.blend(img, coarse, 0.16)
    fine = noise(rng, (width, height), "RGB")
    return Image.blend(img, fine, 0.04)


def exif_for(rng, i):
    exif = Image.Exif()
    make, model = PHONES[i % len(PHONES)]
    stamp = "2025:%02d:%02d %02d:%02d:%02d" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(7, 17),
                                               rng.randrange(60), rng.randrange(60))
    exif[MAKE], exif[MODEL], exif[DATETIME], exif[SOFTWARE] = make, model, stamp, model + " camera"
    if i % 2 == 0:
        exif[ORIENTATION] = 6
    exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = stamp
    lat = LATITUDE + rng.uniform(-0.004, 0.004)
    lon = LONGITUDE + rng.uniform(-0.004, 0.004)
    gps = exif.get_ifd(GPS_IFD)
    gps[GPS_VERSION] = b"\x02\x02\x00\x00"
    gps[GPS_LAT_REF], gps[GPS_LAT] = ("S" if lat < 0 else "N"), dms(lat)
    gps[GPS_LON_REF], gps[GPS_LON] = ("W" if lon < 0 else "E"), dms(lon)
    gps[GPS_ALT_REF], gps[GPS_ALT] = b"\x00", round(rng.uniform(20, 120), 1)
    return exif


def write_photo(job):
    out, i, seed, width, height = job
    rng = random.Random("%d:photo:%d" % (seed, i))
    img = picture(rng, width, height)
    path = pathlib.Path(out) / name(i)
    img.save(path, "JPEG", quality=QUALITY, exif=exif_for(rng, i))
    return path.stat().st_size


def make_photos(out, count=40, seed=1, width=4000, height=3000, workers=2):
    """Writes foto-01.jpg … into out; returns the list of their sizes in bytes."""
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(str(out), i, seed, width, height) for i in range(count)]
    if workers > 1:
        with multiprocessing.Pool(workers) as pool:
            return pool.map(write_photo, jobs, chunksize=1)
    return [write_photo(job) for job in jobs]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--width", type=int, default=4000)
    ap.add_argument("--height", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    sizes = make_photos(a.out, a.count, a.seed, a.width, a.height, a.workers)
    print("%s: %d photos, %.2f–%.2f MB, %.1f MB in all" % (a.out, len(sizes), min(sizes) / 1e6, max(sizes) / 1e6,
                                                       sum(sizes) / 1e6))


if __name__ == "__main__":
    main()
