"""Where bundled resources (fonts, translations, demo data) are: in the wheel or in a checkout."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A bundled resource, e.g. ``resource_path("fonts", "Sarabun-Regular.ttf")``."""
    try:
        base = Path(str(resources.files("otop_pos.resources")))
    except ModuleNotFoundError:
        base = Path(__file__).resolve().parents[2] / "resources"
    return base.joinpath(*parts)
