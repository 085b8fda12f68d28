"""Architecture and store guards: layer contracts, migrations at head and matching the models, module size."""
from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from otop_pos.store.booth_models import BoothBase
from otop_pos.store.engine import SqliteStore
from otop_pos.store.migrate import is_at_head, migrations_dir

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for contract in ("Qt only in ui and printing", "Layers point down",
                     "The windows reach the booth only through the booth service",
                     "The CLI changes the booth only through the booth service"):
        assert f"{contract} KEPT" in proc.stdout


def _cycles(modules: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in modules.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(modules):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles_between_modules() -> None:
    """No package's modules import each other in a circle (the booth window's eight-module circle is gone)."""
    import grimp

    graph = grimp.build_graph("otop_pos")
    modules = {m: {i for i in graph.find_modules_directly_imported_by(m) if i != m} for m in graph.modules}
    assert _cycles(modules) == []


def test_booth_store_is_migrated_to_head_and_matches_models(empty_store: SqliteStore) -> None:
    assert is_at_head(empty_store.engine, "booth")
    with empty_store.engine.connect() as conn, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the expression index cannot be reflected on SQLite
        diff = compare_metadata(MigrationContext.configure(conn), BoothBase.metadata)
    assert diff == []


def test_migrations_are_found_as_package_resource() -> None:
    assert (migrations_dir("booth") / "env.py").is_file()
    assert (migrations_dir("booth") / "versions").is_dir()


def test_modules_stay_small_and_documented() -> None:
    for path in (ROOT / "otop_pos").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 600, f"{path} is over 600 lines"
        if path.stat().st_size > 0:
            assert text.lstrip().startswith(('"""', "'''", "#")), f"{path} has no module docstring"


def test_fast_head_check_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from otop_pos.store.migrate import alembic_config, script_heads

    for store in ("booth", "fair"):
        assert script_heads(store) == set(ScriptDirectory.from_config(alembic_config(store)).get_heads())


def test_fair_store_is_migrated_to_head_and_matches_models(tmp_path: Path) -> None:
    from otop_pos.fair.store import open_fair_store
    from otop_pos.store.fair_models import FairBase

    store = open_fair_store(tmp_path / "fair.sqlite")
    assert is_at_head(store.engine, "fair")
    with store.engine.connect() as conn, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the SQLite hour index is an expression: not reflected
        diff = compare_metadata(MigrationContext.configure(conn), FairBase.metadata)
    assert diff == []
