#!/usr/bin/env python3
"""Builds a generated corpus with a release lapak and reports wall time, CPU time, peak memory
and pages per second (median of --runs builds, each into a fresh output folder).

Usage: bench.py [--products N] [--news M] [--runs R] [--lapak PATH] [--out DIR] [--site DIR]
"""
import argparse
import os
import pathlib
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]


def measure(cmd):
    """Runs one command; returns wall seconds, CPU seconds and peak resident memory in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit("build failed:\n" + done.stderr[-2000:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, done.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--products", type=int, default=10000)
    ap.add_argument("--news", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--lapak", default=str(REPO / ".build" / "release" / "lapak"))
    ap.add_argument("--site", help="an existing site folder to build instead of a generated one")
    ap.add_argument("--out", default="/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir())
    a = ap.parse_args()
    site = pathlib.Path(a.site) if a.site else pathlib.Path(tempfile.gettempdir()) / (
        "lapak-bench-%d-%d" % (a.products, a.news))
    if not a.site and not (site / "content").exists():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(site), "--products", str(a.products),
                        "--news", str(a.news)], check=True)
    markdown = sum(f.stat().st_size for f in (site / "content").rglob("*.md"))
    rows = []
    for run in range(a.runs):
        out = pathlib.Path(a.out) / ("lapak-bench-out-%d" % os.getpid())
        shutil.rmtree(out, ignore_errors=True)
        wall, cpu, peak, stdout = measure([a.lapak, "build", "--source", str(site), "--output", str(out)])
        pages = int(re.search(r"(\d+) (halaman|pages)", stdout).group(1))
        rows.append((wall, cpu, peak, pages))
        shutil.rmtree(out, ignore_errors=True)
    wall = statistics.median(r[0] for r in rows)
    cpu = statistics.median(r[1] for r in rows)
    peak = max(r[2] for r in rows)
    pages = rows[0][3]
    print("corpus: %s (%.1f MB of Markdown)" % (site, markdown / 1e6))
    print("pages %d | wall %.2f s | cpu %.2f s | cpu/wall %.2f | peak %.0f MB | %.0f pages/s | runs %d" % (
        pages, wall, cpu, cpu / wall, peak, pages / wall, a.runs))


if __name__ == "__main__":
    main()
