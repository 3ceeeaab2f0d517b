"""The content catalog: one YAML file per app, loaded once and validated at start-up.

model.py (records = schema) -> reader.py (reads any record) -> checks.py (cross-field rules)
-> loader.py (files into a Catalog); topics.py says which record each topic file holds.
"""
from .loader import CatalogError, load_catalog
from .model import App, Catalog, Claim, Source, Step, SurfaceStatus

__all__ = ["App", "Catalog", "CatalogError", "Claim", "Source", "Step", "SurfaceStatus", "load_catalog"]
