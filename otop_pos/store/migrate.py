"""Alembic runner: finds the environments shipped as ``otop_pos.migrations`` (db/ in a checkout)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine


def migrations_dir(store: str) -> Path:
    """The folder of one store's Alembic environment ("booth" or "fair")."""
    try:
        root = Path(str(resources.files("otop_pos.migrations")))
    except ModuleNotFoundError:  # running from a checkout without installing
        root = Path(__file__).resolve().parents[2] / "db"
    path = root / store
    if not (path / "env.py").is_file():
        raise FileNotFoundError(f"no Alembic environment at {path}")
    return path


def alembic_config(store: str) -> Config:
    """An Alembic Config pointing at the store's environment (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir(store)))
    return cfg


def upgrade_to_head(engine: Engine, store: str) -> None:
    """Migrate the database behind ``engine`` to the newest revision."""
    cfg = alembic_config(store)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def is_at_head(engine: Engine, store: str) -> bool:
    """True when the database is at the newest revision."""
    script = ScriptDirectory.from_config(alembic_config(store))
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_heads()
    return set(current) == set(script.get_heads())
