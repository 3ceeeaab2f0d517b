"""Slow clients against the documented production stack (deploy/stack.py: nginx in front of
gunicorn, loopback only), bounded: at most 300 attacking connections for at most 60 s.

Half the attackers send their request headers one byte every few seconds (slow headers), half send
a POST body that way (slow body); each reconnects when nginx drops it. Meanwhile one normal client
asks for pages, half from nginx's cache and half uncached (a fresh query renders in gunicorn), and
counts how many answer within 1 s.

Run: .venv/bin/python bench/slow_clients.py [--connections 250] [--seconds 40] [--target gunicorn]
(--target gunicorn attacks gunicorn alone, for comparison: what the old README deployed.)
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "deploy"))
from stack import production_stack  # noqa: E402

DRIP_SECONDS = 3


async def slow_header(host, port, stop):
    while time.monotonic() < stop:
        try:
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            while time.monotonic() < stop and not reader.at_eof():
                writer.write(b"X")  # a header line that never ends
                await writer.drain()
                await asyncio.sleep(DRIP_SECONDS)
            writer.close()
        except OSError:
            await asyncio.sleep(0.5)


async def slow_body(host, port, stop):
    while time.monotonic() < stop:
        try:
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(b"POST /en/workshop/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\n")
            while time.monotonic() < stop and not reader.at_eof():
                writer.write(b"a")
                await writer.drain()
                await asyncio.sleep(DRIP_SECONDS)
            writer.close()
        except OSError:
            await asyncio.sleep(0.5)


async def normal_client(host, port, stop, results):
    n = 0
    while time.monotonic() < stop:
        n += 1
        path = "/en/whatsapp/" if n % 2 else f"/en/signal/?fresh={n}"
        started = time.monotonic()
        try:
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            await writer.drain()
            status_line = await asyncio.wait_for(reader.readline(), timeout=5)
            await asyncio.wait_for(reader.read(), timeout=5)
            writer.close()
            ok = status_line.split()[1:2] == [b"200"]
            results.append((time.monotonic() - started, ok))
        except (OSError, asyncio.TimeoutError, IndexError):
            results.append((time.monotonic() - started, False))
        await asyncio.sleep(0.1)


async def attack(url: str, connections: int, seconds: float):
    address = urlsplit(url)
    host, port = address.hostname, address.port
    stop = time.monotonic() + seconds
    results = []
    tasks = [asyncio.create_task((slow_header if i % 2 else slow_body)(host, port, stop)) for i in range(connections)]
    await asyncio.sleep(2)  # let the attackers connect first
    await normal_client(host, port, stop, results)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--connections", type=int, default=250)
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--target", choices=["nginx", "gunicorn"], default="nginx")
    args = parser.parse_args()
    connections, seconds = min(args.connections, 300), min(args.seconds, 60)  # the bound, whatever is asked
    with production_stack(workers=4) as stack:
        url = stack.url if args.target == "nginx" else stack.app_url
        results = asyncio.run(attack(url, connections, seconds))
    times = sorted(t for t, _ok in results)
    within = sum(1 for t, ok in results if ok and t <= 1.0)
    errors = sum(1 for _t, ok in results if not ok)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))] if times else float("nan")
    print(f"target: {args.target}; attackers: {connections} ({connections - connections // 2} slow-body, "
          f"{connections // 2} slow-header) for {seconds:.0f} s")
    print(f"normal requests: {len(results)}, answered 200 within 1 s: {within}, errors/timeouts: {errors}, "
          f"p50 {statistics.median(times) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms")
    sys.exit(0 if results and within == len(results) else 1)


if __name__ == "__main__":
    main()
