"""The demo booth: the shipped Khon Kaen 2563 registry, one vendor, a known manager PIN."""
from __future__ import annotations

from pathlib import Path

from otop_pos.booth.setup import from_registry, setup_booth
from otop_pos.booth.store import default_data_dir, identity, open_booth_store
from otop_pos.core.clock import Clock, SystemClock
from otop_pos.core.errors import SetupError
from otop_pos.core.resources import resource_path
from otop_pos.exchange.registry_csv import load_registry
from otop_pos.store.engine import SqliteStore

DEMO_VENDOR = "KK20-0018"  # seven food products, four with barcodes to scan
DEMO_PIN = "1234"
DEMO_FAIR = "OTOP CITY IN KHONKAEN ครั้งที่ 20"


def demo_registry() -> tuple[Path, Path]:
    """The demo registry files shipped with the app."""
    return resource_path("demo", "vendors.csv"), resource_path("demo", "catalogue.csv")


def open_booth(data_dir: Path | None = None) -> SqliteStore:
    """Open the booth store in ``data_dir`` (default: OTOP_POS_HOME or the user data folder)."""
    return open_booth_store(data_dir or default_data_dir())


def ensure_demo_booth(store: SqliteStore, clock: Clock | None = None) -> bool:
    """Set the store up as the demo booth when it is not set up yet; True when it did."""
    try:
        with store.read() as s:
            identity(s)
        return False
    except SetupError:
        pass
    registry = load_registry(*demo_registry())
    setup_booth(store, clock or SystemClock(), from_registry(registry, DEMO_VENDOR, fair_name=DEMO_FAIR),
                pin=DEMO_PIN)
    return True
