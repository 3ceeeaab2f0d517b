"""gunicorn behind nginx (deploy/nginx.conf): loopback only, and forwarded headers trusted from
nginx alone. Run from the repository:

    LOCKSTEP_ENV=production LOCKSTEP_PROXIES=1 LOCKSTEP_TRUSTED_HOSTS=lockstep.example.org \\
    LOCKSTEP_PUBLIC_URL=https://lockstep.example.org \\
      .venv/bin/gunicorn --config deploy/gunicorn.conf.py

LOCKSTEP_BIND (default 127.0.0.1:8000) and LOCKSTEP_WORKERS (default 4) change where and how wide.
"""
import os

wsgi_app = "webapp:create_app()"
bind = [os.environ.get("LOCKSTEP_BIND", "127.0.0.1:8000")]  # never 0.0.0.0: nginx is the front door
workers = int(os.environ.get("LOCKSTEP_WORKERS", "4"))
worker_class = "gthread"
threads = 16
timeout = 30
keepalive = 15  # nginx keeps upstream connections open (upstream keepalive)

# Only nginx, on this machine, may set X-Forwarded-*; its own config overwrites what clients send.
forwarded_allow_ips = "127.0.0.1"
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}  # the one nginx sets; not -SSL or -PROTOCOL
forwarder_headers = ""  # no SCRIPT_NAME / PATH_INFO from headers, even from nginx
header_map = "drop"  # other headers with "_" are dropped, so X_Forwarded_For cannot pose as one

# nginx refuses longer request lines and headers first (414/400, with security headers).
limit_request_line = 8190
limit_request_field_size = 8190
accesslog = None
control_socket_disable = True  # unused; one per user would clash between two instances
