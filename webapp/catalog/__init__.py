"""The content catalog: one YAML file per app, loaded once and validated at start-up."""
from .loader import CatalogError, load_catalog
from .model import App, Catalog, Claim, Source, Step, SurfaceStatus

__all__ = ["App", "Catalog", "CatalogError", "Claim", "Source", "Step", "SurfaceStatus", "load_catalog"]
