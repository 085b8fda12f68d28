"""In-process booths for fair tests: a till set up from an organiser package, selling through the real booth
use cases, exporting, backing up and restoring (a crash that loses the tail)."""
from __future__ import annotations

import atexit
import random
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, select

from otop_pos.booth.adjustments import refund_sale, void_sale
from otop_pos.booth.backup import backup_now
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import close_day, current_day, day_figures, open_day
from otop_pos.booth.export import export_booth
from otop_pos.booth.package_setup import setup_from_package
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import booth_report
from otop_pos.booth.store import STORE_FILE, open_booth_store
from otop_pos.core.thaidate import BANGKOK
from otop_pos.exchange.registry_csv import load_registry
from otop_pos.fair.fairs import FairInfo, create_fair, load_registry_into
from otop_pos.fair.packages import PackageWritten, make_packages
from otop_pos.fair.store import FairStore
from otop_pos.store.booth_models import Refund, Sale, Void
from otop_pos.store.engine import SqliteStore

PIN = "1234"
FIRST_DAY = date(2020, 10, 26)
LAST_DAY = date(2020, 11, 1)


_MIGRATED: list[Path] = []


def migrated_booth_store() -> Path:
    """An empty booth store migrated to head, made once per test process (running every migration costs most
    of a second; a new till starts from a copy of it and is then set up as before)."""
    if not _MIGRATED:
        folder = Path(tempfile.mkdtemp(prefix="otop-booth-migrated-"))
        atexit.register(shutil.rmtree, folder, True)
        open_booth_store(folder).dispose()
        _MIGRATED.append(folder / STORE_FILE)
    return _MIGRATED[0]


def copy_store(src: Path, dst: Path) -> None:
    """A consistent copy of the SQLite database ``src`` at ``dst`` (its folder made)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


class TestClock:
    """A clock that only moves forward; ``at(day)`` jumps to 10:00 Bangkok on a fair day."""

    def __init__(self, start: datetime) -> None:
        self.t = start

    def now(self) -> datetime:
        self.t += timedelta(seconds=7)
        return self.t

    def at(self, day: date, hour: int = 10) -> None:
        self.t = max(self.t, datetime.combine(day, time(hour, 0), BANGKOK))


def make_fair(store: FairStore, clock: object, registry_files: tuple[Path, Path], out_dir: Path,
              vendor_codes: list[str] | None = None) -> tuple[FairInfo, dict[str, PackageWritten]]:
    """Create the demo fair, load the registry, write packages (all or some vendors)."""
    fair, _ = create_fair(store, clock, name="OTOP CITY IN KHONKAEN ครั้งที่ 20", venue="สวนรัชดานุสรณ์",  # type: ignore[arg-type]
                          province="ขอนแก่น", first_day=FIRST_DAY, last_day=LAST_DAY)
    load_registry_into(store, None, load_registry(*registry_files))
    written = make_packages(store, clock, out_dir, vendor_codes=vendor_codes)  # type: ignore[arg-type]
    return fair, {w.vendor_code: w for w in written}


@dataclass
class Booth:
    """One till: its data folder, store and clock."""

    folder: Path
    package: Path
    till_no: int = 1
    seed: int = 0
    clock: TestClock = field(default_factory=lambda: TestClock(datetime.combine(FIRST_DAY, time(9), BANGKOK)))
    store: SqliteStore | None = None

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        if not (self.folder / STORE_FILE).exists():
            copy_store(migrated_booth_store(), self.folder / STORE_FILE)
        self.open()
        setup_from_package(self.s, self.clock, self.package, till_no=self.till_no, pin=PIN)

    @property
    def s(self) -> SqliteStore:
        assert self.store is not None
        return self.store

    def open(self) -> None:
        self.store = open_booth_store(self.folder)

    def close(self) -> None:
        if self.store is not None:
            self.store.dispose()
            self.store = None

    def ensure_day(self, day: date) -> None:
        cur = current_day(self.s)
        if cur is not None and cur.business_date != day:
            self.close_day()
            cur = None
        if cur is None:
            self.clock.at(day, 9)
            open_day(self.s, self.clock, 100000)
            self.clock.at(day, 10)

    def close_day(self) -> None:
        if current_day(self.s) is not None:
            fig = day_figures(self.s)
            close_day(self.s, self.clock, PIN, counted_satang=fig.expected_cash_satang, print_report=False)

    def sell(self, day: date, n: int = 1) -> None:
        self.ensure_day(day)
        pool = list_products(self.s)
        for _ in range(n):
            cart = Cart()
            for p in self.rng.sample(pool, k=min(len(pool), self.rng.randint(1, 3))):
                cart = cart.add(p, self.rng.randint(1, 2))
            total = cart.total_satang
            pay = [PaymentIn("cash", tendered_satang=total + self.rng.choice((0, 0, 500, 2000)))] \
                if self.rng.random() < 0.6 else [PaymentIn("promptpay", total, reference="1234")]
            checkout(self.s, self.clock, cart, pay, cashier="t", allow_oversell=True, print_receipt=False)

    def _last(self, model: type) -> str | None:
        with self.s.read() as ses:
            return ses.scalar(select(model.uuid).order_by(model.seq.desc()).limit(1))  # type: ignore[attr-defined]

    def void_last(self) -> bool:
        """Void the newest sale of the open day when it is not voided or refunded yet."""
        if current_day(self.s) is None:
            return False
        with self.s.read() as ses:
            day = current_day(self.s)
            sale = ses.scalars(select(Sale).where(Sale.till_day_id == day.id).order_by(Sale.seq.desc())).first()  # type: ignore[union-attr]
            if sale is None or ses.scalar(select(func.count()).select_from(Void).where(Void.sale_id == sale.id)) \
                    or ses.scalar(select(func.count()).select_from(Refund).where(Refund.sale_id == sale.id)):
                return False
            ref = sale.uuid
        void_sale(self.s, self.clock, ref, "ลูกค้าเปลี่ยนใจ", PIN, print_receipt=False)
        return True

    def refund_first(self) -> bool:
        """Refund (everything left of) the oldest sale that is neither voided nor refunded."""
        if current_day(self.s) is None:
            return False
        with self.s.read() as ses:
            sale = ses.scalars(select(Sale).where(~select(Void.id).where(Void.sale_id == Sale.id).exists(),
                                                  ~select(Refund.id).where(Refund.sale_id == Sale.id).exists())
                               .order_by(Sale.seq)).first()
            if sale is None:
                return False
            ref = sale.uuid
        refund_sale(self.s, self.clock, ref, "สินค้าชำรุด", PIN, method="cash", print_receipt=False)
        return True

    def export(self, out_dir: Path) -> Path:
        return export_booth(self.s, self.clock, out_dir)

    def net(self) -> int:
        return booth_report(self.s).net_satang

    def report(self) -> tuple[int, int]:
        rep = booth_report(self.s)
        return rep.net_satang, rep.sales_count

    def backup(self, folder: Path) -> Path:
        return backup_now(self.s, self.clock, folder).path

    def restore(self, backup: Path) -> None:
        """A crash: the store is replaced by an older backup copy (the tail since then is lost)."""
        self.close()
        for side in ("", "-wal", "-shm"):
            (self.folder / f"booth.sqlite{side}").unlink(missing_ok=True)
        shutil.copyfile(backup, self.folder / "booth.sqlite")
        self.open()
