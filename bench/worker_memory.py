"""A gunicorn worker's memory under 50,000 distinct query strings (issue 12 "Bad input"): one
worker behind the production stack's nginx (deploy/stack.py, loopback), RSS before and after.
The app's only per-URL state is its cache of brotli'd pages, which takes pages without a query
string only (a fixed set of addresses, capped at 2,048), so the figure should stay flat; nginx's
cache is on disk and bounded by max_size.

Run: .venv/bin/python bench/worker_memory.py [--requests 50000]
"""
from __future__ import annotations

import argparse
import http.client
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "deploy"))
from stack import production_stack  # noqa: E402


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def hammer(url: str, numbers: range) -> dict:
    address = urlsplit(url)
    statuses: dict = {}
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    for n in numbers:
        # Distinct queries on three page types; valid keys and junk ones alike.
        path = ("/en/whatsapp/?q={n}", "/ar/compare/?need=calls&x{n}=1", "/en/guide/?apps=signal&t={n}")[n % 3]
        connection.request("GET", path.format(n=n))
        response = connection.getresponse()
        response.read()
        statuses[response.status] = statuses.get(response.status, 0) + 1
        if response.getheader("Connection", "").lower() == "close":
            connection.close()
            connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    connection.close()
    return statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=50_000)
    args = parser.parse_args()
    with production_stack(workers=1) as stack:
        (worker,) = stack.worker_pids()
        hammer(stack.url, range(-300, 0))  # warm: every template compiled, every page type rendered once
        before = rss_kib(worker)
        started = time.monotonic()
        totals: dict = {}
        checkpoints = []  # RSS after every 10,000: growth that levels off is not a leak
        with ThreadPoolExecutor(8) as pool:
            for batch in range(0, args.requests, 10_000):
                end = min(batch + 10_000, args.requests)
                chunks = [range(start, min(start + 1000, end)) for start in range(batch, end, 1000)]
                for statuses in pool.map(lambda numbers: hammer(stack.url, numbers), chunks):
                    for status, count in statuses.items():
                        totals[status] = totals.get(status, 0) + count
                checkpoints.append((end, rss_kib(worker)))
        after = rss_kib(worker)
        seconds = time.monotonic() - started
    print(f"{args.requests} distinct query strings in {seconds:.0f} s through nginx to one gunicorn worker; "
          f"statuses {dict(sorted(totals.items()))}")
    print(f"worker RSS before: {before / 1024:.1f} MiB, after: {after / 1024:.1f} MiB "
          f"(+{(after - before) / 1024:.1f} MiB)")
    print("RSS after " + ", ".join(f"{n:,}: {kib / 1024:.1f} MiB" for n, kib in checkpoints))


if __name__ == "__main__":
    main()
