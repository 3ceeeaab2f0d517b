"""deploy/gunicorn.conf.py: loopback only, forwarded headers from nginx alone."""
from __future__ import annotations

from pathlib import Path

from gunicorn.config import Config

CONF = Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"


def load(monkeypatch, **environ):
    for name in ("LOCKSTEP_BIND", "LOCKSTEP_WORKERS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    namespace: dict = {}
    exec(compile(CONF.read_text(), str(CONF), "exec"), namespace)
    config = Config()
    for name, value in namespace.items():
        if name in config.settings:
            config.set(name, value)
    return config


def test_gunicorn_listens_on_loopback_and_trusts_only_nginx(monkeypatch):
    config = load(monkeypatch)
    assert config.bind == ["127.0.0.1:8000"]
    assert config.forwarded_allow_ips == ["127.0.0.1"]
    assert config.secure_scheme_headers == {"X-FORWARDED-PROTO": "https"}
    assert config.forwarder_headers == []  # no SCRIPT_NAME or PATH_INFO from any header
    assert config.header_map == "drop"
    assert config.wsgi_app == "webapp:create_app()"
    assert (config.workers, config.threads, config.worker_class_str) == (4, 16, "gthread")


def test_the_address_and_width_come_from_the_environment(monkeypatch):
    config = load(monkeypatch, LOCKSTEP_BIND="127.0.0.1:9000", LOCKSTEP_WORKERS="2")
    assert (config.bind, config.workers) == (["127.0.0.1:9000"], 2)
