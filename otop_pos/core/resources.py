"""Where bundled resources (fonts, translations, demo data) are: in the wheel or in a checkout."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A bundled resource, e.g. ``resource_path("fonts", "Sarabun-Regular.ttf")``."""
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if (checkout / "i18n").is_dir():   # a checkout (or a worktree of it) uses its own resources/
        return checkout.joinpath(*parts)
    return Path(str(resources.files("otop_pos.resources"))).joinpath(*parts)
