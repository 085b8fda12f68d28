"""A frozen one-folder build (PyInstaller, packaging/otop-pos.spec) finds its resources and migrations in
``sys._MEIPASS``, laid out as the wheel lays them out, and migrates a store from there — never from a checkout."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from otop_pos.booth.store import open_booth_store
from otop_pos.core.resources import frozen_root, resource_path
from otop_pos.printing.qtapp import fonts_dir
from otop_pos.reports.thai_pdf import font_dir
from otop_pos.store.migrate import is_at_head, migrations_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder laid out as the spec lays the build out, with the interpreter told it is frozen there."""
    root = tmp_path / "otop-pos" / "_internal"
    shutil.copytree(ROOT / "resources", root / "otop_pos" / "resources",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "db", root / "otop_pos" / "migrations", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    return root


def test_not_frozen_when_run_from_a_checkout() -> None:
    assert frozen_root() is None
    assert resource_path("fonts") == ROOT / "resources" / "fonts"
    assert migrations_dir("booth") == ROOT / "db" / "booth"


def test_frozen_build_finds_fonts_translations_demo_and_sounds_in_its_folder(bundle: Path) -> None:
    assert frozen_root() == bundle
    resources = bundle / "otop_pos" / "resources"
    assert resource_path("fonts", "Sarabun-Regular.ttf") == resources / "fonts" / "Sarabun-Regular.ttf"
    assert resource_path("fonts", "Sarabun-Regular.ttf").is_file()
    assert resource_path("demo", "catalogue.csv").is_file()
    assert resource_path("sounds", "error.wav").is_file()
    assert resource_path("i18n", "otop_pos_th.ts").is_file()
    # the printed receipt's and the PDF's font lookups land in the build too, not in the checkout
    assert (fonts_dir() / "Sarabun-Bold.ttf").is_file() and str(fonts_dir()).startswith(str(bundle))
    assert (font_dir() / "Sarabun-Bold.ttf").is_file() and str(font_dir()).startswith(str(bundle))


def test_frozen_build_migrates_a_new_booth_store_from_its_own_migrations(bundle: Path, tmp_path: Path) -> None:
    assert migrations_dir("booth") == bundle / "otop_pos" / "migrations" / "booth"
    assert migrations_dir("fair") == bundle / "otop_pos" / "migrations" / "fair"
    store = open_booth_store(tmp_path / "data")
    try:
        assert is_at_head(store.engine, "booth")
    finally:
        store.engine.dispose()


def test_frozen_build_without_its_migrations_says_where_it_looked(bundle: Path) -> None:
    shutil.rmtree(bundle / "otop_pos" / "migrations" / "fair")
    with pytest.raises(FileNotFoundError, match="no Alembic environment"):
        migrations_dir("fair")
