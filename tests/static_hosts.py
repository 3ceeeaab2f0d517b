"""Plain static hosts for the export, on loopback: Python's http.server and Debian's nginx.

Both start on a free port, wait until they answer, and stop when the block ends. nginx gets a
minimal configuration serving the folder under a subfolder, with each locale's 404.html.
"""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

NGINX = "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


@contextlib.contextmanager
def http_server(root: Path):
    """`python -m http.server --directory root`; yields its origin."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(root)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    origin = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(origin + "/")
        yield origin
    finally:
        server.terminate()
        server.wait(timeout=5)


def nginx_config(root: Path, work: Path, port: int, base_path: str, locales: list[str], gzip: bool = False) -> str:
    not_found = "\n".join(
        f"    location {base_path}{code}/ {{ error_page 404 {base_path}{code}/404.html; }}" for code in locales)
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read a root-owned temp folder
    temp = "\n".join(f"  {name}_temp_path {work}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""{user}
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 512; }}
http {{
  include /etc/nginx/mime.types;
  types {{ application/manifest+json webmanifest; }}
  default_type application/octet-stream;
  access_log off;
  {"gzip on; gzip_types text/css application/javascript application/json application/manifest+json image/svg+xml;" if gzip else ""}
{temp}
  server {{
    listen 127.0.0.1:{port};
    root {root};
    location {base_path} {{ error_page 404 {base_path}404.html; }}
{not_found}
  }}
}}
"""


@contextlib.contextmanager
def nginx(root: Path, work: Path, base_path: str, locales: list[str], gzip: bool = False):
    """Debian's nginx serving root (which holds the export in base_path); yields its origin."""
    assert os.access(NGINX, os.X_OK), f"{NGINX} is missing: apt-get install nginx"
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = work / "nginx.conf"
    config.write_text(nginx_config(root, work, port, base_path, locales, gzip))
    server = subprocess.Popen([NGINX, "-c", str(config), "-p", str(work)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    origin = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(origin + base_path)
        yield origin
    finally:
        server.terminate()
        server.wait(timeout=5)
