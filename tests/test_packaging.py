"""The built wheel carries the migrations, fonts, demo registry and word list, and migrates a store from there."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import sys, tempfile
from pathlib import Path
import otop_pos
from otop_pos.booth.store import open_booth_store
from otop_pos.core.resources import resource_path
from otop_pos.fair.store import open_fair_store
from otop_pos.store.migrate import is_at_head, migrations_dir
target = sys.argv[1]
assert otop_pos.__file__.startswith(target), otop_pos.__file__
assert str(migrations_dir("booth")).startswith(target)
assert resource_path("fonts", "Sarabun-Regular.ttf").is_file()
assert resource_path("demo", "catalogue.csv").is_file()
from otop_pos.core.thai_wordbreak import words, wrap_thai
assert len(words()) > 1000 and "\u200b" in wrap_thai("กระติบข้าวเหนียว")
with tempfile.TemporaryDirectory() as tmp:
    store = open_booth_store(Path(tmp) / "booth")
    fair = open_fair_store(Path(tmp) / "fair.sqlite")
    print("AT HEAD", is_at_head(store.engine, "booth"), is_at_head(fair.engine, "fair"))
"""


@pytest.mark.slow
def test_wheel_migrates_stores_from_its_own_files(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    [wheel] = list(wheels.glob("otop_pos-*.whl"))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, text=True, timeout=600)
    env = dict(os.environ, PYTHONPATH=str(target))
    out = subprocess.run([sys.executable, "-c", PROBE, str(target)], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "AT HEAD True True" in out.stdout
