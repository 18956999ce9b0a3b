"""Builds that cannot half-fail and cannot differ: a build killed with SIGKILL leaves the previous
site byte for byte and the next build cleans up after it; the same content gives the same bytes
whatever the thread count, time zone, locale or order the file system lists files in."""
import hashlib
import os
import random
import shutil
import signal
import subprocess
import time

import pytest

from hostile import LAPAK, REPO
import photo_fixtures

# A real photo (libvips decodes every photo a site names), 800×600 so no check finds it small.
TINY_JPEG = photo_fixtures.jpeg_bytes(photo_fixtures.picture((800, 600), 1, 8), 85)


def tree(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(source, out, **env):
    assert LAPAK.exists(), f"{LAPAK} missing: run `swift build --product lapak` first"
    done = subprocess.run([str(LAPAK), "build", "--source", str(source), "--output", str(out)],
                          capture_output=True, text=True, env={**os.environ, **env}, timeout=300)
    assert done.returncode == 0, done.stderr
    return tree(out)


def large_site(root, products, edition):
    """A generated site big enough that writing it takes a while; `edition` changes every page."""
    (root / "content/images/products").mkdir(parents=True, exist_ok=True)
    (root / "content/images/products/tas.jpg").write_bytes(TINY_JPEG)
    (root / "content/site.yml").write_text(f'title: "Lapak Besar {edition}"\nbase_url: "https://besar.example.org/"\n'
                                           'categories:\n  tas-anyaman: "Tas"\n  jamu: "Jamu"\n')
    (root / "content/producers").mkdir(parents=True, exist_ok=True)
    for p in range(10):
        (root / f"content/producers/kelompok-{p}.md").write_text(
            f'---\nname: "Kelompok {p}"\nvillage: "Desa {p}"\nregency: "Blitar"\nwhatsapp: "0812-0000-{p:04d}"\n---\nCerita.\n')
    (root / "content/products").mkdir(parents=True, exist_ok=True)
    for i in range(products):
        body = "\n\n".join(f"Paragraf {k} tentang produk {i}, *edisi {edition}*." for k in range(4))
        (root / f"content/products/produk-{i}.md").write_text(
            f'---\ntitle: "Produk {i}"\nprice: {1000 + i}\ncategory: {"jamu" if i % 2 else "tas-anyaman"}\n'
            f'producer: kelompok-{i % 10}\nimages: [images/products/tas.jpg]\ntags: [t{i % 30}]\n---\n{body}\n')


def test_a_killed_build_leaves_the_previous_site_and_the_next_cleans_up(tmp_path):
    source, out = tmp_path / "src", tmp_path / "site"
    large_site(source, 1200, "lama")
    previous = build(source, out)
    large_site(source, 1200, "baru")
    killed_mid_write = 0
    for delay in (0.0, 0.05, 0.3):
        process = subprocess.Popen([str(LAPAK), "build", "--source", str(source), "--output", str(out)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Wait for the staging folder: from then on the build is writing the new site.
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".site.staging-*")) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(delay)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed_mid_write += 1
        process.wait()
        assert tree(out) == previous, f"killed after {delay} s, the previous site changed"
    assert killed_mid_write >= 2, "the build finished before it could be killed: make the site larger"
    assert list(tmp_path.glob(".site.staging-*")), "a killed build should have left its staging folder"
    rebuilt = build(source, out)
    assert rebuilt != previous
    assert not list(tmp_path.glob(".site.staging-*")), "the next build did not clean up"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src"]


def copy_in_order(source, target, order):
    """The same files, created in another order (directory listings follow creation on many disks)."""
    files = [p for p in source.rglob("*") if p.is_file() and ".build" not in p.parts]
    for path in sorted(files, key=order):
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)


@pytest.mark.parametrize("env", [
    {"LAPAK_THREADS": "1", "TZ": "Pacific/Kiritimati", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"},
    {"LAPAK_THREADS": "7", "TZ": "America/Los_Angeles", "LANG": "C", "LC_ALL": "C"},
    {"LAPAK_THREADS": "2", "TZ": "Asia/Jakarta", "LANG": "id_ID.UTF-8", "LC_ALL": "id_ID.UTF-8"},
])
def test_builds_are_byte_identical_whatever_the_machine(tmp_path, env):
    sources = []
    for name, order in (("a", lambda p: str(p)), ("b", lambda p: str(p)[::-1]), ("c", lambda p: random.random())):
        target = tmp_path / name
        for part in ("content", "themes"):
            if (REPO / part).exists():
                copy_in_order(REPO / part, target / part, order)
        sources.append(target)
    reference = build(sources[0], tmp_path / "out-a", LAPAK_THREADS="4", TZ="UTC", LANG="en_US.UTF-8")
    assert build(sources[1], tmp_path / "out-b", **env) == reference
    assert build(sources[2], tmp_path / "out-c", **env) == reference
