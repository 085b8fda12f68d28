"""Alembic runner: finds the environments shipped as ``otop_pos.migrations`` (db/ in a checkout, frozen too).

A store already at head is recognised with one SELECT and a look at the revision files, without
importing Alembic (which costs a fifth of a second of the app's cold start).
"""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from otop_pos.core.resources import frozen_root

if TYPE_CHECKING:
    from alembic.config import Config

_REV = re.compile(r"^revision\s*(?::\s*str\s*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.M)


def migrations_dir(store: str) -> Path:
    """The folder of one store's Alembic environment ("booth" or "fair")."""
    frozen = frozen_root()
    if frozen is not None:  # a frozen one-folder build carries them as the wheel does
        path = frozen / "otop_pos" / "migrations" / store
        if not (path / "env.py").is_file():
            raise FileNotFoundError(f"no Alembic environment at {path}")
        return path
    checkout = Path(__file__).resolve().parents[2] / "db" / store
    if (checkout / "env.py").is_file():  # a checkout (or a worktree of it) uses its own db/, installed or not
        return checkout
    root = Path(str(resources.files("otop_pos.migrations")))
    path = root / store
    if not (path / "env.py").is_file():
        raise FileNotFoundError(f"no Alembic environment at {path}")
    return path


def alembic_config(store: str) -> Config:
    """An Alembic Config pointing at the store's environment (no alembic.ini needed)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir(store)))
    return cfg


def script_heads(store: str) -> set[str]:
    """The head revisions, read from the revision files (revisions that no other file names as its parent)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (migrations_dir(store) / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev = _REV.search(source)
        if rev is None:
            continue
        revisions.add(rev.group(1))
        down = _DOWN.search(source)
        if down:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return revisions - parents


def current_heads(engine: Engine) -> set[str]:
    """The revisions the database says it is at (empty for a new database)."""
    try:
        with engine.connect() as conn:
            return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    except DBAPIError:
        return set()


def upgrade_to_head(engine: Engine, store: str) -> None:
    """Migrate the database behind ``engine`` to the newest revision."""
    heads = script_heads(store)
    if heads and current_heads(engine) == heads:
        return
    from alembic import command

    cfg = alembic_config(store)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def is_at_head(engine: Engine, store: str) -> bool:
    """True when the database is at the newest revision (asked of Alembic itself)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(store))
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_heads()
    return set(current) == set(script.get_heads())
