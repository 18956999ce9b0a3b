#!/usr/bin/env python3
"""Times photo processing side by side: 40 generated 4000×3000 phone photos (about 3 MB each, EXIF
Orientation 6 on half of them, a GPS position on all) resized into Lapak's outputs (WebP 320, 640,
1024 and 1600 px wide at q75, JPEG 1200 px wide at q80) by

  hugo           Hugo (/usr/bin/hugo), a small site whose page template resizes one photo per page
                 (`$img.Resize "320x webp q75"` …), cold (resources/_gen emptied) and warm
  vipsthumbnail  one call per output file, 2 at a time (xargs -P2), and one at a time
  lapak          `lapak build --cache-dir C`, cold (C empty) and warm (C from the cold build), and
                 the same products without the photos (`images: []`, which builds with a warning)

in alternating rounds (the order of the tools turns each round), and prints a Markdown table of
the medians: wall seconds, CPU seconds (user + sys of the process and its children), peak resident
memory of the largest single process, and the image files written. Outputs and caches go to
/dev/shm where it exists; the photos and sites are generated at run time into a temporary folder
(kept with --keep DIR, and reused by a later run with the same --keep DIR and seed).

Usage: bench_photos.py [--runs N] [--repeats N] [--lapak PATH] [--keep DIR] [--photos N] [--seed S]
                       [--hugo PATH] [--vipsthumbnail PATH] [--no-serial] [--out DIR]
"""
import argparse
import json
import os
import pathlib
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
from make_photos import make_photos, name  # noqa: E402

# Lapak's outputs for a photo wider than 1600 px: (width, format, quality).
OUTPUTS = [(320, "webp", 75), (640, "webp", 75), (1024, "webp", 75), (1600, "webp", 75), (1200, "jpg", 80)]
PRODUCER = "desbumi-kedunggebang"
THINGS = [("Tas Anyaman Pandan", "tas-anyaman", 85000), ("Selendang Ecoprint", "batik-ecoprint", 175000),
          ("Jamu Kunyit Asam", "jamu", 15000), ("Pupuk Organik Cair", "pupuk-organik", 25000),
          ("Kue Nastar", "kue-kering", 65000), ("Gula Aren", "sembako", 30000),
          ("Keripik Pisang", "kuliner", 18000), ("Bros Kain", "aksesoris", 20000)]
CATEGORIES = {"batik-ecoprint": "Batik Ecoprint", "tas-anyaman": "Tas Anyaman", "jamu": "Jamu",
              "pupuk-organik": "Pupuk Organik", "kue-kering": "Kue Kering", "sembako": "Sembako",
              "kuliner": "Kuliner", "aksesoris": "Aksesoris"}
TIME = "/usr/bin/time"


class ToolFailed(Exception):
    pass


def measure(cmd, cwd=None):
    """Runs one command under /usr/bin/time; returns wall seconds, CPU seconds (user + sys of it and
    every descendant it waited for), peak resident memory in MB of its largest process, stdout."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([TIME, "-f", "%M", "-o", rss.name] + cmd, capture_output=True, text=True, cwd=cwd)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise ToolFailed("exit status %d: %s\n%s%s" % (done.returncode, " ".join(cmd), done.stdout[-2000:],
                                                          done.stderr[-4000:]))
        kb = [int(line) for line in rss.read().split() if line.isdigit()]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, (kb[-1] / 1024 if kb else float("nan")), done.stdout


def images_in(folder):
    """Count and total bytes of the WebP and JPEG files under folder."""
    files = [p for p in pathlib.Path(folder).rglob("*") if p.suffix in (".webp", ".jpg", ".jpeg") and p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def clear(*paths):
    for p in paths:
        shutil.rmtree(p, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# The generated folder: photos/, a Lapak site with the photos, one without, a Hugo site.

def write_lapak_site(root, photo_names, without_photos=False):
    """A Lapak site whose 40 products each name one photo (or, `without_photos`, none: `images: []`)."""
    content = root / "content"
    for folder in ("producers", "products", "images/products"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    lines = ['title: "Lapak Foto Bench"', 'base_url: "https://bench.example.org/"', "language: id", "categories:"]
    lines += ['  %s: "%s"' % item for item in CATEGORIES.items()]
    (content / "site.yml").write_text("\n".join(lines) + "\n")
    (content / "producers" / (PRODUCER + ".md")).write_text(
        '---\nname: "Desbumi Kedunggebang"\ncommunity: "Desbumi"\nvillage: "Kedunggebang"\nregency: "Banyuwangi"\n'
        'province: "Jawa Timur"\nwhatsapp: "0812-0000-0111"\n---\n'
        "Kelompok usaha purna pekerja migran di Desa Kedunggebang, Kabupaten Banyuwangi. Foto produk di sini "
        "diambil dengan ponsel anggota kelompok.\n")
    for i, photo in enumerate(photo_names):
        title, category, price = THINGS[i % len(THINGS)]
        title = "%s %02d" % (title, i + 1)
        slug = title.lower().replace(" ", "-")
        images = ("images: []\n" if without_photos else
                  'images:\n  - src: "images/products/%s"\n    alt: "Foto %s dari ponsel anggota kelompok"\n'
                  % (photo, title.lower()))
        (content / "products" / (slug + ".md")).write_text(
            '---\ntitle: "%s"\nprice: %d\ncategory: %s\nproducer: %s\n%sstock: %d\nweight_grams: %d\n'
            "tags: [banyuwangi, foto-ponsel]\ndate: 2025-%02d-%02d\n"
            'summary: "%s buatan Desbumi Kedunggebang."\n---\n'
            "%s dibuat oleh anggota kelompok Desbumi Kedunggebang. Fotonya diambil dengan ponsel, "
            "seperti kebanyakan foto produk kiriman anggota.\n\n"
            "Pesan melalui WhatsApp kelompok.\n" % (title, price + 500 * i, category, PRODUCER, images,
                                                   5 + i, 250 + 10 * i, 1 + i % 12, 1 + i % 28, title, title))


def write_hugo_site(root, photo_names, resource_dir):
    """A Hugo site with one page per photo; its template makes Lapak's five outputs of that photo."""
    for folder in ("assets/photos", "content/foto", "layouts/_default"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(
        'baseURL = "https://bench.example.org/"\ntitle = "Foto Bench"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
        "resourceDir = %s\n" % json.dumps(str(resource_dir)))
    specs = " ".join('"%dx %s q%d"' % spec for spec in OUTPUTS)
    # Hugo 0.111 does not turn photos upright by itself (images.AutoOrient is new in 0.122): the
    # template reads the EXIF Orientation and adds the rotation, so that Hugo writes what Lapak writes.
    (root / "layouts/_default/single.html").write_text(
        "{{ $img := resources.Get .Params.photo }}{{ $turn := \"\" }}\n"
        "{{ with $img.Exif }}{{ with .Tags.Orientation }}"
        "{{ $turn = index (dict \"3\" \" r180\" \"6\" \" r270\" \"8\" \" r90\") (string .) | default \"\" }}"
        "{{ end }}{{ end }}<h1>{{ .Title }}</h1>\n"
        "{{ range slice %s }}{{ $r := $img.Resize (print . $turn) }}"
        '<img src="{{ $r.RelPermalink }}" width="{{ $r.Width }}" height="{{ $r.Height }}">\n{{ end }}\n' % specs)
    (root / "layouts/_default/list.html").write_text(
        '{{ range .Site.RegularPages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>\n{{ end }}\n')
    (root / "layouts/index.html").write_text(
        '{{ range .Site.RegularPages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>\n{{ end }}\n')
    for i, photo in enumerate(photo_names):
        (root / "content/foto" / ("%02d.md" % (i + 1))).write_text(
            '---\ntitle: "Foto %02d"\nphoto: "photos/%s"\n---\n' % (i + 1, photo))


def prepare(work, out, count, seed):
    photos = work / "photos"
    stamp = photos / ".made"
    want = json.dumps({"count": count, "seed": seed})
    names = [name(i) for i in range(count)]
    if stamp.exists() and stamp.read_text() == want and all((photos / n).exists() for n in names):
        print("photos: reusing %s" % photos, file=sys.stderr)
    else:
        clear(photos)
        start = time.perf_counter()
        sizes = make_photos(photos, count, seed)
        stamp.write_text(want)
        print("photos: %d written in %.0f s, %.2f–%.2f MB each" % (count, time.perf_counter() - start,
                                                                  min(sizes) / 1e6, max(sizes) / 1e6), file=sys.stderr)
    clear(work / "lapak", work / "lapak-nophotos", work / "hugo", work / "vips")
    write_lapak_site(work / "lapak", names)
    write_lapak_site(work / "lapak-nophotos", names, without_photos=True)
    write_hugo_site(work / "hugo", names, out / "hugo-resources")
    for n in names:  # one set of bytes, read by every tool
        os.link(photos / n, work / "lapak/content/images/products" / n)
        os.link(photos / n, work / "hugo/assets/photos" / n)
    (work / "vips").mkdir()
    # One vipsthumbnail call per output file, as xargs reads them: one line each, no shell.
    calls = []
    for n in names:
        stem = n.rsplit(".", 1)[0]
        for width, fmt, q in OUTPUTS:
            target = out / "vips" / ("%s.%d.%s[Q=%d,strip]" % (stem, width, fmt, q))
            calls.append("%s --size %dx -o %s" % (photos / n, width, target))
    (work / "vips/calls.txt").write_text("\n".join(calls) + "\n")
    for n in names:  # into the page cache, so that the first tool timed does not pay for the disk
        (photos / n).read_bytes()
    return sum((photos / n).stat().st_size for n in names)


# ---------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--photos", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lapak", default=str(REPO / ".build" / "release" / "lapak"))
    ap.add_argument("--hugo", default="/usr/bin/hugo")
    ap.add_argument("--vipsthumbnail", default=shutil.which("vipsthumbnail") or "/usr/bin/vipsthumbnail")
    ap.add_argument("--workers", type=int, default=2, help="parallel vipsthumbnail calls (default 2)")
    ap.add_argument("--no-serial", action="store_true", help="skip vipsthumbnail one call at a time")
    ap.add_argument("--repeats", type=int, default=7, help="warm and no-photo Lapak builds per round (default 7)")
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (photos are reused)")
    ap.add_argument("--out", default="/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir())
    a = ap.parse_args()
    for tool in (TIME, a.hugo, a.vipsthumbnail):
        if not os.access(tool, os.X_OK):
            sys.exit("%s is missing: apt-get install time hugo libvips-tools (or run make bench-photos)" % tool)
    work = pathlib.Path(a.keep).resolve() if a.keep else pathlib.Path(tempfile.mkdtemp(prefix="lapak-photos-"))
    work.mkdir(parents=True, exist_ok=True)
    out = pathlib.Path(a.out) / ("lapak-photos-out-%d" % os.getpid())
    out.mkdir(parents=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # still clean up when stopped
    try:
        failed = run(a, work, out)
    finally:
        clear(out)
        if not a.keep:
            clear(work)
    sys.exit(1 if failed else 0)


def run(a, work, out):
    photo_bytes = prepare(work, out, a.photos, a.seed)
    lapak = str(pathlib.Path(a.lapak).resolve()) if os.path.exists(a.lapak) else a.lapak
    hugo_public, hugo_res, vips_out = out / "hugo-public", out / "hugo-resources", out / "vips"
    site, cache = out / "lapak-site", out / "lapak-cache"
    results = {}   # row name -> list of (wall, cpu, peak, files, bytes)
    notes = {}
    failures = []

    def record(row, cmd, output, count_in=None):
        try:
            wall, cpu, peak, stdout = measure(cmd)
        except ToolFailed as e:
            failures.append(row)
            print("\n%s failed, %s" % (row, e), file=sys.stderr)
            return None
        files, size = images_in(count_in or output)
        results.setdefault(row, []).append((wall, cpu, peak, files, size))
        print("  %-32s wall %6.2f s  cpu %6.2f s  peak %4.0f MB  %d images" % (row, wall, cpu, peak, files),
              file=sys.stderr)
        return stdout

    def hugo():
        cmd = [a.hugo, "--source", str(work / "hugo"), "--destination", str(hugo_public), "--quiet",
               "--cacheDir", str(out / "hugo-cache")]
        clear(hugo_public, hugo_res, out / "hugo-cache")
        record("Hugo cold", cmd, hugo_public)
        clear(hugo_public)
        record("Hugo warm (resources/_gen kept)", cmd, hugo_public)

    def vips():
        modes = [("vipsthumbnail -P%d" % a.workers, a.workers)]
        if not a.no_serial and a.workers != 1:
            modes.append(("vipsthumbnail serial", 1))
        for row, workers in modes:
            clear(vips_out)
            vips_out.mkdir()
            record(row, ["xargs", "-a", str(work / "vips/calls.txt"), "-P", str(workers), "-L", "1",
                         a.vipsthumbnail], vips_out)

    def lapak_builds():
        if any(r.startswith("Lapak") for r in failures):
            return
        if not (os.path.isfile(lapak) and os.access(lapak, os.X_OK)):
            failures.append("Lapak")
            print("\nLapak skipped: no executable at %s (build it: swift build -c release --product lapak, "
                  "or pass --lapak PATH)" % lapak, file=sys.stderr)
            return
        # The warm build and the build without photos take tens of milliseconds: each is run
        # `--repeats` times per round, alternating, so their medians are not one noisy sample.
        # The build without photos has a cache of its own: it would prune the photos' cache.
        quick = [("Lapak warm (cache from cold)", work / "lapak", cache),
                 ("Lapak without photos", work / "lapak-nophotos", out / "lapak-cache-nophotos")] * a.repeats
        clear(cache)
        for row, source, cache_dir in [("Lapak cold (empty cache)", work / "lapak", cache)] + quick:
            clear(site)
            stdout = record(row, [lapak, "build", "--source", str(source), "--output", str(site), "--cache-dir",
                                  str(cache_dir)], site, site / "images" / "products")
            if stdout is None:
                return
            m = re.search(r"\d+ (?:foto|photos?) \([^)]*\)", stdout)
            notes[row] = m.group(0) if m else "summary: " + stdout.strip()[:120]

    groups = [hugo, vips, lapak_builds]
    loads = [os.getloadavg()[0]]
    for run_no in range(a.runs):
        print("round %d/%d" % (run_no + 1, a.runs), file=sys.stderr)
        k = run_no % len(groups)
        for group in groups[k:] + groups[:k]:
            group()
        loads.append(os.getloadavg()[0])
    report(a, results, notes, failures, photo_bytes, work, loads)
    return failures


def report(a, results, notes, failures, photo_bytes, work, loads):
    med = {row: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs), max(r[2] for r in rs),
                 rs[-1][3], rs[-1][4]) for row, rs in results.items()}
    print("\n%d photos, 4000×3000, %.1f MB of JPEG (%s); outputs per photo: %s; %d rounds, median; "
          "%d CPUs, 1-minute load average %.1f–%.1f (a load above the CPU count means other work "
          "shared the machine: compare CPU seconds)\n" % (
              a.photos, photo_bytes / 1e6, work if a.keep else "temporary folder",
              ", ".join("%d %s q%d" % o for o in OUTPUTS), a.runs, os.cpu_count(), min(loads), max(loads)))
    print("| run | wall s | CPU s | CPU/wall | peak RSS MB | images written | MB written |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    rows = ["Hugo cold", "Hugo warm (resources/_gen kept)", "vipsthumbnail -P%d" % a.workers,
            "vipsthumbnail serial", "Lapak cold (empty cache)", "Lapak warm (cache from cold)", "Lapak without photos"]
    for row in rows:
        if row in med:
            wall, cpu, peak, files, size = med[row]
            print("| %s | %.3f | %.3f | %.2f | %.0f | %d | %.1f |" % (row, wall, cpu, cpu / wall, peak, files,
                                                                     size / 1e6))
        elif row in failures:
            print("| %s | failed | | | | | |" % row)
        elif row.split()[0] in {f.split()[0] for f in failures}:
            print("| %s | not run | | | | | |" % row)

    def ratio(label, top, bottom):
        if top in med and bottom in med:
            print("| %s | %.2f | %.2f |" % (label, med[top][0] / med[bottom][0], med[top][1] / med[bottom][1]))
        else:
            print("| %s | n/a | n/a |" % label)
    print("\n| ratio | wall | CPU |\n|---|---:|---:|")
    ratio("Hugo cold ÷ Lapak cold", "Hugo cold", "Lapak cold (empty cache)")
    ratio("Lapak cold ÷ vipsthumbnail -P%d" % a.workers, "Lapak cold (empty cache)", "vipsthumbnail -P%d" % a.workers)
    ratio("Lapak warm ÷ Lapak without photos", "Lapak warm (cache from cold)", "Lapak without photos")
    if notes:
        print()
        for row, note in notes.items():
            print("- %s: %s" % (row, note))
    print("\nPeak RSS is that of the largest single process (for xargs, one vipsthumbnail). "
          "\"Lapak without photos\": the same products with `images: []`.")
    if failures:
        print("\nFailed: %s (see the errors above)." % ", ".join(sorted(set(failures))))


if __name__ == "__main__":
    main()
