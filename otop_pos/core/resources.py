"""Where bundled resources (fonts, translations, demo data) are: in a frozen build, the wheel or a checkout."""
from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path


def frozen_root() -> Path | None:
    """The folder of a frozen one-folder build (PyInstaller's ``sys._MEIPASS``), or None when not frozen.

    The build lays the data out as the wheel does: ``otop_pos/resources`` and ``otop_pos/migrations`` under it.
    """
    base = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and base:
        return Path(base)
    return None


def resource_path(*parts: str) -> Path:
    """A bundled resource, e.g. ``resource_path("fonts", "Sarabun-Regular.ttf")``."""
    frozen = frozen_root()
    if frozen is not None:
        return (frozen / "otop_pos" / "resources").joinpath(*parts)
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if (checkout / "i18n").is_dir():   # a checkout (or a worktree of it) uses its own resources/
        return checkout.joinpath(*parts)
    return Path(str(resources.files("otop_pos.resources"))).joinpath(*parts)
