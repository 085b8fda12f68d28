"""The producer's channel from the registry into the fair store (SQLite and PostgreSQL, migration f0007), the
booth package and, by ``booth setup --package``, the booth's settings."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import select, text

from otop_pos.booth.demo import demo_registry
from otop_pos.booth.settings import get_settings
from otop_pos.booth.store import open_booth_store
from otop_pos.core.clock import FixedClock
from otop_pos.exchange.package_format import read_package
from otop_pos.exchange.registry_csv import load_registry
from otop_pos.fair.fairs import load_registry_into
from otop_pos.fair.packages import make_packages
from otop_pos.fair.store import FairStore
from otop_pos.store.fair_models import Vendor
from otop_pos.store.migrate import alembic_config, script_heads
from tests.exchange.test_registry_channel import vendors_with_channel
from tests.fair.booths import make_fair

HEADERS = ("ไลน์", "เพจ Facebook", "ร้านค้าออนไลน์")


def _channels(store: FairStore) -> dict[str, tuple[str, str, str]]:
    with store.read() as s:
        return {v.code: (v.line_account, v.facebook_page, v.shop_url) for v in s.scalars(select(Vendor))}


def test_the_registry_channel_reaches_the_store_the_package_and_the_booth_settings(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    vendors = vendors_with_channel(tmp_path, HEADERS)
    _fair, pkgs = make_fair(fair_store, fair_clock, (vendors, demo_registry()[1]), tmp_path / "pkg",
                            ["KK20-0001", "KK20-0002"])
    stored = _channels(fair_store)
    assert stored["KK20-0001"] == ("@baansuda", "", "https://shopee.co.th/baansuda")
    assert stored["KK20-0002"] == ("", "https://facebook.com/nongwaeng", "")
    assert stored["KK20-0004"] == ("", "", "")
    assert read_package(pkgs["KK20-0001"].path).vendor.line_account == "@baansuda"
    home = tmp_path / "booth"
    env = dict(os.environ, OTOP_POS_HOME=str(home), PYTHONWARNINGS="error")
    proc = subprocess.run([sys.executable, "-m", "otop_pos", "booth", "setup", "--package",
                           str(pkgs["KK20-0001"].path), "--pin", "1234"], capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    booth = open_booth_store(home)
    try:
        st = get_settings(booth)
        assert (st.line_account, st.facebook_page, st.shop_url) == ("@baansuda", "", "https://shopee.co.th/baansuda")
    finally:
        booth.dispose()


def test_migration_f0007_keeps_the_vendors_and_a_reload_fills_the_channel(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "pkg", ["KK20-0001"])
    cfg = alembic_config("fair")
    with fair_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "f0006m")            # the store as the previous version left it, vendors in it
    fair_store.engine.dispose()
    with fair_store.read() as s:
        before = sorted(s.execute(text("SELECT code, name, booth, phone FROM vendor")).all())
        assert "line_account" not in set(s.execute(text("SELECT * FROM vendor LIMIT 0")).keys())
    assert len(before) > 10
    with fair_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    fair_store.engine.dispose()
    with fair_store.read() as s:
        assert {s.scalar(text("SELECT version_num FROM alembic_version"))} == script_heads("fair")
        assert sorted(s.execute(text("SELECT code, name, booth, phone FROM vendor")).all()) == before
    assert set(_channels(fair_store).values()) == {("", "", "")}
    result = load_registry_into(fair_store, None, load_registry(vendors_with_channel(tmp_path, HEADERS),
                                                                 demo_registry()[1]))
    assert result.vendors_updated == 3
    assert _channels(fair_store)["KK20-0003"] == ("https://lin.ee/AbC123", "", "")
    written = make_packages(fair_store, fair_clock, tmp_path / "again", vendor_codes=["KK20-0002"])
    assert read_package(written[0].path).vendor.facebook_page == "https://facebook.com/nongwaeng"
