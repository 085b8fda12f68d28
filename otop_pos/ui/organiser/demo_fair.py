"""A realistic imported fair for the organiser's screenshots and demos: the Khon Kaen demo registry, one till
per booth selling through the real booth use cases (``booth.simulate``) for seven days, a few sales a day paid
through the state schemes (คนละครึ่ง, the welfare card), about one basket in twenty an order taken for later
(``simulate(orders=True)``), an export every evening — with the gaps real fairs
have (booths that never send, a last evening missed, a quiet day).

    python -m otop_pos.ui.organiser.demo_fair WORKDIR      # builds WORKDIR/fair.sqlite and WORKDIR/usb/…
"""
from __future__ import annotations

import multiprocessing
import random
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from otop_pos.booth.service import BoothService, Cart, PaymentIn, open_booth_service, split_copay
from otop_pos.core.clock import FixedClock
from otop_pos.core.resources import resource_path
from otop_pos.core.thaidate import BANGKOK
from otop_pos.exchange.registry_csv import load_registry
from otop_pos.fair.fairs import FairInfo, create_fair, list_fairs, load_registry_into
from otop_pos.fair.importer import import_paths
from otop_pos.fair.packages import make_packages
from otop_pos.fair.store import FairStore, open_fair_store

FIRST_DAY = date(2020, 10, 26)
DAYS = 7
PIN = "1234"
FAIR_NAME = "OTOP CITY IN KHONKAEN ครั้งที่ 20"
#: Sales per day by product type (food and drinks sell often and cheap, cloth seldom and dear).
BASE_SALES = {"อาหาร": 30, "เครื่องดื่ม": 34, "ผ้าและเครื่องแต่งกาย": 9, "ของใช้ ของตกแต่งและของที่ระลึก": 14,
              "สมุนไพรที่ไม่ใช่อาหาร": 12}


def evening(day: date) -> datetime:
    """21:45 Bangkok on ``day``: when booths export and organisers import."""
    return datetime.combine(day, time(21, 45), BANGKOK).astimezone(UTC)


@dataclass(frozen=True)
class BoothPlan:
    """One booth's week: sales per day (0: open without a sale) and the days it sends its export."""

    index: int
    vendor_code: str
    package: str
    folder: str
    usb: str
    sales: tuple[int, ...]
    export_days: tuple[int, ...]


def plan_booths(packages: list[tuple[str, str, str]], work: Path, seed: int = 20) -> list[BoothPlan]:
    """Plans for (vendor code, product type, package path): a few never send, a few miss the last evening."""
    rng = random.Random(seed)
    plans = []
    for i, (code, ptype, package) in enumerate(packages):
        base = BASE_SALES.get(ptype, 12) * rng.uniform(0.35, 1.3)
        sales = []
        for d in range(DAYS):
            weekend = (FIRST_DAY + timedelta(days=d)).weekday() >= 5
            n = round(base * (1.45 if weekend else 1.0) * rng.uniform(0.7, 1.2) * (0.55 if d == 0 else 1.0))
            sales.append(max(0, n))
        if i % 29 == 11:
            sales[2] = 0  # a quiet (or rainy) day: open, no sale
        days = tuple(range(DAYS))
        if i % 31 == 7:
            days = ()  # never sent anything (no-show, or the stick never came)
        elif i % 17 == 5:
            days = tuple(range(DAYS - 1))  # missed the last evening
        plans.append(BoothPlan(i, code, package, str(work / "booths" / code), str(work / "usb"), tuple(sales), days))
    return plans


def scheme_sales(service: BoothService, day: date, n: int, seed: int) -> int:
    """``n`` sales on ``day`` paid through the state schemes, from 09:35: most by คนละครึ่ง (the state's half,
    at most ฿150, as the slip shows it), every fifth by the welfare card; returns the sales made."""
    rng = random.Random(seed)
    shop = BoothService(service.store, FixedClock(datetime.combine(day, time(9, 35), BANGKOK).astimezone(UTC),
                                                  step=timedelta(minutes=2)), print_mode="off")
    if shop.current_day() is None:
        shop.open_day(100000)
    pool = [p for p in shop.products() if not p.sold_out]
    for k in range(n if pool else 0):
        cart = Cart().add(rng.choice(pool), rng.randint(1, 3))
        total = cart.total_satang
        state = total if k % 5 == 4 else min(split_copay(total, 50)[1], 15000)
        shop.sell(cart, [PaymentIn("welfare" if k % 5 == 4 else "copay", total, reference=f"TQ{seed}{k:03d}",
                                   state_satang=state)], allow_oversell=True)
    return n if pool else 0


def run_booth(plan: BoothPlan) -> int:
    """Sell and export one booth's week (in a worker process); returns the sales made."""
    service = open_booth_service(Path(plan.folder), clock=FixedClock(evening(FIRST_DAY - timedelta(days=2))),
                                 print_mode="off")
    try:
        service.set_up_from_package(Path(plan.package), manager_pin=PIN)
        made = 0
        for d, n in enumerate(plan.sales):
            day = FIRST_DAY + timedelta(days=d)
            if n:   # about one sale in six through a state scheme
                made += scheme_sales(service, day, max(1, n // 6), plan.index * 100 + d)
            # about one basket in twenty an order (ยอดสั่งจอง), most delivered by the day it is due
            made += service.simulate(days=1, sales_per_day=n, pin=PIN, seed=plan.index * 100 + d, start=day,
                                     orders=True, fair_methods=False).sales
            if d in plan.export_days:  # the evening's export, on that evening's clock
                BoothService(service.store, FixedClock(evening(day)), print_mode="off").export(
                    Path(plan.usb) / f"day-{d + 1}")
        return made
    finally:
        service.close()


def build_demo_fair(work: Path, *, jobs: int = 2, import_days: int = DAYS - 1) -> tuple[FairStore, FairInfo]:
    """Create (or reopen) the demo fair in ``work``: registry, packages, a week of sales exported every
    evening, and the exports of the first ``import_days`` evenings imported (the last is left to import)."""
    work.mkdir(parents=True, exist_ok=True)
    store = open_fair_store(work / "fair.sqlite")
    existing = [f for f in list_fairs(store) if f.name == FAIR_NAME]
    if existing and (work / "usb").is_dir():
        return store, existing[0]
    clock = FixedClock(evening(FIRST_DAY - timedelta(days=10)), step=timedelta(seconds=1))
    fair, _ = create_fair(store, clock, name=FAIR_NAME, venue="สวนรัชดานุสรณ์ อำเภอเมืองขอนแก่น", province="ขอนแก่น",
                          first_day=FIRST_DAY, last_day=FIRST_DAY + timedelta(days=DAYS - 1))
    registry = load_registry(resource_path("demo", "vendors.csv"), resource_path("demo", "catalogue.csv"))
    load_registry_into(store, fair.uid, registry)
    types = {v.code: v.product_type for v in registry.vendors}
    written = make_packages(store, clock, work / "packages", fair_ref=fair.uid)
    plans = plan_booths([(w.vendor_code, types.get(w.vendor_code, ""), str(w.path)) for w in written], work)
    if jobs > 1:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
            list(pool.map(run_booth, plans, chunksize=4))
    else:
        for p in plans:
            run_booth(p)
    for d in range(import_days):
        folder = work / "usb" / f"day-{d + 1}"
        if folder.is_dir():
            import_paths(store, FixedClock(evening(FIRST_DAY + timedelta(days=d)) + timedelta(minutes=10),
                                           step=timedelta(seconds=1)), [folder], fair_ref=fair.uid, jobs=0)
    return store, fair


def main(argv: list[str] | None = None) -> int:
    """Build the demo fair into the folder given."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    store, fair = build_demo_fair(Path(args[0]))
    print(f"{fair.name}: {store.description}")
    store.dispose()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
