"""The documented production stack on loopback, for tests and benchmarks: Debian's nginx
(/usr/sbin/nginx, not as a daemon, a temporary prefix, a free port) rendered from
deploy/nginx.conf, in front of gunicorn started with deploy/gunicorn.conf.py.

    .venv/bin/python deploy/stack.py   # prints both addresses, runs until Ctrl-C
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX = "/usr/sbin/nginx"
sys.path.insert(0, str(ROOT / "deploy"))
from render_nginx import write_standalone  # noqa: E402  (a script beside this one)


@dataclass(frozen=True)
class Stack:
    url: str  # nginx, what visitors reach
    app_url: str  # gunicorn alone, behind it
    folder: Path  # nginx's prefix: config, error.log, cache
    app_pid: int  # gunicorn's master; its workers are its children

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.app_pid}/task/{self.app_pid}/children").read_text().split()
        return [int(pid) for pid in children]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, name: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{name} did not answer {url} within {seconds} s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # nginx: fast shutdown; gunicorn: graceful
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def production_stack(workers: int = 2, environ: dict | None = None, nginx_workers: int = 2):
    if not os.access(NGINX, os.X_OK):
        raise RuntimeError(f"{NGINX} is missing: apt-get install nginx (bin/test does)")
    folder = Path(tempfile.mkdtemp(prefix="lockstep-nginx-"))
    app_port, port = free_port(), free_port()
    env = {**os.environ, "LOCKSTEP_ENV": "production", "LOCKSTEP_PROXIES": "1",
           "LOCKSTEP_BIND": f"127.0.0.1:{app_port}", "LOCKSTEP_WORKERS": str(workers), **(environ or {})}
    log = open(folder / "gunicorn.log", "wb")
    processes = []
    try:
        gunicorn = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py"],
                                    cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        processes.append(gunicorn)
        conf = write_standalone(folder, listen=f"127.0.0.1:{port}", server_names="127.0.0.1 localhost",
                                upstream=f"127.0.0.1:{app_port}", workers=nginx_workers)
        nginx = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(conf), "-g", "daemon off;"],
                                 stdout=log, stderr=subprocess.STDOUT)
        processes.append(nginx)
        stack = Stack(url=f"http://127.0.0.1:{port}", app_url=f"http://127.0.0.1:{app_port}", folder=folder,
                      app_pid=gunicorn.pid)
        _wait_until_up(stack.app_url + "/healthz", gunicorn, "gunicorn")
        _wait_until_up(stack.url + "/healthz", nginx, "nginx")
        yield stack
    finally:
        for process in reversed(processes):
            _stop(process)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    with production_stack(workers=int(os.environ.get("LOCKSTEP_WORKERS", "4")),
                          nginx_workers=int(os.environ.get("LOCKSTEP_NGINX_WORKERS", "2"))) as stack:
        print(f"nginx {stack.url}\ngunicorn {stack.app_url}", flush=True)
        try:
            signal.sigwait({signal.SIGINT, signal.SIGTERM})
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    main()
