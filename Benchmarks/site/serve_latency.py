#!/usr/bin/env python3
"""Latency of `lapak serve`: from writing a changed product file to receiving the changed page.

Starts `lapak serve` on a copy of a site, waits for the first (cold) build, then edits one product
file N times. For each edit it records the time until the reload event arrives on
/__lapak/reload and until GET /produk/SLUG/ returns a page containing the new text.

usage: serve_latency.py LAPAK SITE [--edits 25] [--port 8391] [--gap 0.6]

SITE is edited: give it a copy (`make bench-serve` generates a fresh one each time).
"""
import argparse, http.client, os, random, re, socket, statistics, subprocess, sys, threading, time


def sse_reader(port, events):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(f"GET /__lapak/reload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
    buffer = b""
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            return
        buffer += chunk
        for generation in re.findall(rb"data: (\d+)\n\n", buffer):
            events.append((time.perf_counter(), int(generation)))
        buffer = buffer[buffer.rfind(b"\n\n") + 2:] if b"\n\n" in buffer else buffer


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lapak")
    parser.add_argument("site")
    parser.add_argument("--edits", type=int, default=25)
    parser.add_argument("--port", type=int, default=8391)
    parser.add_argument("--gap", type=float, default=0.6, help="seconds between the end of one edit and the next")
    args = parser.parse_args()

    products = sorted(f for f in os.listdir(os.path.join(args.site, "content/products")) if f.endswith(".md"))
    random.seed(7)
    chosen = random.sample(products, args.edits)

    started = time.perf_counter()
    server = subprocess.Popen([args.lapak, "serve", "--source", args.site, "--port", str(args.port), "--lang", "en"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    lines = []
    first_build = threading.Event()

    def pump():
        for line in server.stdout:
            lines.append((time.perf_counter(), line.rstrip()))
            if line.startswith("Built (#1)") or line.startswith("Build failed (#1)"):
                first_build.set()
    threading.Thread(target=pump, daemon=True).start()
    try:
        if not first_build.wait(120):
            sys.exit("no first build: " + "\n".join(l for _, l in lines))
        status, _ = get(args.port, "/")
        cold = time.perf_counter() - started
        print(f"cold: first build and home page {cold * 1000:.0f} ms after start ({[l for _, l in lines if l.startswith('Built')][0]})")

        time.sleep(1)  # the watcher sets up its inotify watches on its own thread
        events = []
        threading.Thread(target=sse_reader, args=(args.port, events), daemon=True).start()
        while not events:
            time.sleep(0.01)
        generation = events[-1][1]

        to_event, to_page = [], []
        for index, name in enumerate(chosen):
            path = os.path.join(args.site, "content/products", name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            marker = f"Ubahan {index} {time.time_ns()}"
            changed = re.sub(r'^title: .*$', f'title: "Produk {marker}"', text, count=1, flags=re.M)
            assert changed != text
            slug = name[:-3]
            seen = len(events)
            t0 = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(changed)
            # The reload event a browser waits for, then the page it loads.
            while not any(g > generation for _, g in events[seen:]):
                if time.perf_counter() - t0 > 60:
                    sys.exit(f"no reload event: {events} {lines[-3:]}")
                time.sleep(0.001)
            t_event, generation = next((t, g) for t, g in events[seen:] if g > generation)
            while True:
                status, body = get(args.port, f"/produk/{slug}/")
                if status == 200 and marker.encode() in body:
                    break
                time.sleep(0.002)
                if time.perf_counter() - t0 > 60:
                    sys.exit("page never changed")
            t1 = time.perf_counter()
            to_event.append((t_event - t0) * 1000)
            to_page.append((t1 - t0) * 1000)
            time.sleep(args.gap)

        def summary(values):
            return f"median {statistics.median(values):.0f} ms, min {min(values):.0f} ms, max {max(values):.0f} ms"
        print(f"edits: {len(to_page)}")
        print(f"write -> reload event: {summary(to_event)}")
        print(f"write -> changed page received: {summary(to_page)}")
        print("each (ms):", " ".join(f"{v:.0f}" for v in to_page))
        builds = [l for _, l in lines if l.startswith("Built (#") and not l.startswith("Built (#1)")]
        times = [int(re.search(r"in (\d+) ms", l).group(1)) for l in builds]
        if times:
            print(f"rebuilds reported by lapak serve: {len(times)}, {summary(times)}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
