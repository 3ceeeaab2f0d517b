"""deploy/nginx.conf as Debian runs it: rendered by deploy/render_nginx.py and included from
Debian's own /etc/nginx/nginx.conf (which already says `gzip on` and loads its modules)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_rendered_site_passes_nginx_t_inside_debians_nginx_conf(tmp_path):
    site = tmp_path / "lockstep"
    site.write_text(subprocess.run(
        [sys.executable, "deploy/render_nginx.py", "--server-name", "lockstep.example.org",
         "--listen", "127.0.0.1:8", "--cache-dir", str(tmp_path / "cache")],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    debian = Path("/etc/nginx/nginx.conf").read_text()
    assert "include /etc/nginx/sites-enabled/*;" in debian
    main = tmp_path / "nginx.conf"
    main.write_text(debian.replace("include /etc/nginx/sites-enabled/*;", f"include {site};")
                    .replace("pid /run/nginx.pid;", f"pid {tmp_path / 'nginx.pid'};"))
    test = subprocess.run(["/usr/sbin/nginx", "-t", "-c", str(main)], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    text = site.read_text()
    assert not re.search(r"@[A-Z_]+@", text)  # every placeholder filled
    assert "server_name lockstep.example.org;" in text and "server 127.0.0.1:8000;" in text
