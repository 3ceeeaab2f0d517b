"""Lockstep: a localized, offline-capable checklist for end-to-end encrypting your chats."""
from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_babel import Babel
from flask_htmx import HTMX
from werkzeug.middleware.proxy_fix import ProxyFix

from . import assets, config, headers, i18n, labels, templating, version
from .catalog import load_catalog
from .cli import content, translate
from .export import export_command
from .views import errors, locale, offline, reading, site, workshop

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Every page lives under /<locale>/; the parent blueprint reads the locale once for all of them.
# Nesting is part of the blueprints' set-up, so it happens once, here, not per app.
for _child in (reading.bp, workshop.bp, offline.bp):
    locale.bp.register_blueprint(_child)


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        static_folder=str(PROJECT_ROOT / "static"),
        static_url_path="/static",
    )
    app.config.from_mapping(config.defaults(PROJECT_ROOT))
    if test_config is None:
        app.config.from_mapping(config.from_environment())
    else:
        app.config.from_mapping(test_config)

    if app.config.get("TRUSTED_PROXIES"):
        # Behind N reverse proxies: take scheme, host and client address from their headers,
        # so share links and QR codes carry the public https:// address.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["TRUSTED_PROXIES"],
                                x_proto=app.config["TRUSTED_PROXIES"], x_host=app.config["TRUSTED_PROXIES"])

    # The catalog is read and validated once; a broken file stops start-up here.
    app.extensions["catalog"] = load_catalog(Path(app.config["CONTENT_DIR"]))
    app.extensions["label_sources"] = labels.load(Path(app.config["BABEL_TRANSLATION_DIRECTORIES"]))
    app.config.update(
        {key.upper(): value for key, value in version.compute(
            Path(app.config["CONTENT_DIR"]), Path(app.static_folder), Path(app.root_path) / "templates",
            Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])).items()})

    Babel(app, locale_selector=i18n.babel_locale_selector)
    HTMX(app)
    assets.init_app(app)
    headers.init_app(app)
    templating.init_app(app)

    app.register_blueprint(site.bp)
    app.register_blueprint(errors.bp)
    app.register_blueprint(locale.bp)

    app.cli.add_command(translate)
    app.cli.add_command(content)
    app.cli.add_command(export_command)
    return app
