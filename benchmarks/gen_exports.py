"""Generate a fair's worth of valid, signed booth exports directly (no booth stores): one cumulative export
per booth with correct hash chains (``core.chain``), written with ``export_format.write_export``.

Used by ``bench_import.py``; also runnable: ``python benchmarks/gen_exports.py OUT --booths 30``.
The fair store side (fair, vendors, public keys) is created by ``setup_store``.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from otop_pos.core.chain import GENESIS, chain_hash, refund_doc, sale_doc, void_doc  # noqa: E402
from otop_pos.exchange.export_format import (  # noqa: E402
    ExportData, ExportDay, ExportLine, ExportPayment, ExportRefund, ExportRefundLine, ExportSale, ExportVoid,
    write_export,
)
from otop_pos.exchange.keys import generate_keypair  # noqa: E402

ICT = timezone(timedelta(hours=7))
TYPES = ("อาหาร", "เครื่องดื่ม", "ผ้าและเครื่องแต่งกาย", "ของใช้ ของตกแต่งและของที่ระลึก", "สมุนไพรที่ไม่ใช่อาหาร")
FIRST_DAY = date(2025, 6, 20)


@dataclass(frozen=True)
class BoothSpec:
    """One generated booth: its vendor, booth code and key pair."""

    index: int
    vendor_code: str
    booth: str
    private_pem: str
    public_pem: str
    key_id: str


def _at(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat(timespec="microseconds")


def booth_data(spec: BoothSpec, fair_uid: str, days: int, per_day: int, seed: int) -> tuple[ExportData, int]:
    """Every document of one till over ``days`` days; returns (data, net satang)."""
    rng = random.Random(seed * 1_000_003 + spec.index)
    till_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    ptype = TYPES[spec.index % len(TYPES)]
    catalogue = [(f"{spec.vendor_code}-{k:02d}", f"สินค้า {k} ของ {spec.booth}", ptype, rng.randrange(20, 900) * 100 + 75)
                 for k in range(1, 7)]
    sales: list[ExportSale] = []
    lines: list[ExportLine] = []
    pays: list[ExportPayment] = []
    voids: list[ExportVoid] = []
    refunds: list[ExportRefund] = []
    rlines: list[ExportRefundLine] = []
    dlist: list[ExportDay] = []
    prev, seq, net = GENESIS, 0, 0
    for d in range(days):
        day = FIRST_DAY + timedelta(days=d)
        t = datetime.combine(day, time(10), ICT).astimezone(timezone.utc)
        cash = 0
        day_sales: list[tuple[ExportSale, list[ExportLine]]] = []
        for _ in range(per_day):
            t += timedelta(seconds=rng.randrange(60, 400))
            seq += 1
            su = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            number = f"{spec.booth}-{seq:06d}"
            sl = []
            for ln, (sku, name, pt, price) in enumerate(rng.sample(catalogue, rng.choice((1, 1, 2, 2, 3))), 1):
                qty = rng.choice((1, 1, 1, 2, 3))
                total = qty * price
                sl.append(ExportLine(su, ln, sku, name, pt, qty, price, price, 0, total, 0, total))
            total = sum(x.net_satang for x in sl)
            method = "cash" if rng.random() < 0.55 else "promptpay"
            ref = "" if method == "cash" else f"{rng.randrange(10000):04d}"
            pay = ExportPayment(su, method, total, total if method == "cash" else None, 0, ref)
            doc = sale_doc(uuid=su, seq=seq, number=number, at=_at(t), total=total, discount=0,
                           lines=[(x.sku, x.qty, x.unit_price_satang, 0, x.net_satang) for x in sl],
                           payments=[(method, total, ref)])
            h = chain_hash(prev, doc)
            sale = ExportSale(su, number, seq, t, day, "sim", total, 0, total, total, 0,
                              sum(x.qty for x in sl), prev, h)
            prev = h
            sales.append(sale)
            lines.extend(sl)
            pays.append(pay)
            day_sales.append((sale, sl))
            net += total
            cash += total if method == "cash" else 0
            if rng.random() < 0.01:  # a void of this sale, the same day
                t += timedelta(seconds=30)
                seq += 1
                vu = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                vnum = f"{spec.booth}-{seq:06d}"
                h = chain_hash(prev, void_doc(uuid=vu, seq=seq, number=vnum, at=_at(t), sale=su, amount=total,
                                              reason="ลูกค้าเปลี่ยนใจ"))
                voids.append(ExportVoid(vu, vnum, seq, su, t, day, "ลูกค้าเปลี่ยนใจ", "sim", total,
                                        total if method == "cash" else 0, prev, h))
                prev = h
                net -= total
                cash -= total if method == "cash" else 0
                day_sales.pop()
        if day_sales and rng.random() < 0.5:  # a refund of the first line of an earlier sale of the day
            sale, sl = day_sales[0]
            t += timedelta(seconds=60)
            seq += 1
            ru = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            rnum = f"{spec.booth}-{seq:06d}"
            x = sl[0]
            h = chain_hash(prev, refund_doc(uuid=ru, seq=seq, number=rnum, at=_at(t), sale=sale.uuid,
                                            amount=x.net_satang, method="cash", reason="ชำรุด",
                                            lines=[(1, x.qty, x.net_satang)]))
            refunds.append(ExportRefund(ru, rnum, seq, sale.uuid, t, day, "ชำรุด", "sim", "cash", x.net_satang, "",
                                        prev, h))
            rlines.append(ExportRefundLine(ru, sale.uuid, 1, x.qty, x.net_satang))
            prev = h
            net -= x.net_satang
            cash -= x.net_satang
        opened = datetime.combine(day, time(9, 30), ICT)
        closed = datetime.combine(day, time(21, 0), ICT)
        du = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        dlist.append(ExportDay(du, day, opened, closed, 100000, 100000 + cash, 100000 + cash, 0, {}, {}))
    data = ExportData(spec.booth, 1, till_uuid, spec.vendor_code, fair_uid, spec.key_id, tuple(sales), tuple(lines),
                      tuple(pays), tuple(voids), tuple(refunds), tuple(rlines), tuple(dlist))
    return data, net


def _write_one(args: tuple[BoothSpec, str, int, int, int, str]) -> tuple[str, int, int]:
    spec, fair_uid, days, per_day, seed, out = args
    data, net = booth_data(spec, fair_uid, days, per_day, seed)
    created = datetime.combine(FIRST_DAY + timedelta(days=days - 1), time(21, 30), ICT)
    path = write_export(Path(out) / f"{spec.booth}-{spec.vendor_code}.otopx", data, spec.private_pem, days, created)
    return str(path), net, len(data.sales)


def booth_specs(n: int, seed: int) -> list[BoothSpec]:
    """``n`` vendors with booth codes and fresh key pairs."""
    out = []
    for i in range(n):
        private, public, key_id = generate_keypair()
        out.append(BoothSpec(i, f"N{i + 1:05d}", f"B{i + 1:05d}", private, public, key_id))
    return out


def generate(out_dir: Path, *, booths: int, days: int, per_day: int, seed: int = 1, jobs: int = 2) -> dict[str, object]:
    """Write one cumulative export per booth into ``out_dir`` (reused when ``fair.json`` matches); returns the
    description (fair uid, specs, expected totals) also stored in ``out_dir/fair.json``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    meta_path = out_dir / "fair.json"
    params = {"booths": booths, "days": days, "per_day": per_day, "seed": seed}
    if meta_path.is_file():
        meta = json.loads(meta_path.read_text())
        if meta.get("params") == params and all((out_dir / Path(p).name).is_file() for p in meta["paths"]):
            return dict(meta)
    fair_uid = str(uuid.UUID(int=random.Random(seed).getrandbits(128), version=4))
    specs = booth_specs(booths, seed)
    work = [(s, fair_uid, days, per_day, seed, str(out_dir)) for s in specs]
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        results = pool.map(_write_one, work, chunksize=8)
    meta = {"params": params, "fair_uid": fair_uid, "first_day": FIRST_DAY.isoformat(),
            "last_day": (FIRST_DAY + timedelta(days=days - 1)).isoformat(),
            "vendors": [[s.vendor_code, s.booth, s.public_pem, s.key_id] for s in specs],
            "paths": [r[0] for r in results], "net_satang": sum(r[1] for r in results),
            "sales": sum(r[2] for r in results)}
    meta_path.write_text(json.dumps(meta))
    return meta


def setup_store(store: object, meta: dict[str, object]) -> None:
    """Create the generated fair (with the built-in payment methods, as ``fair create`` gives), its vendors and
    their public keys in a fair store."""
    from otop_pos.fair.fairs import default_methods
    from otop_pos.store.fair_models import BoothKey, Fair, Vendor

    now = datetime.now(timezone.utc)
    with store.write() as s:  # type: ignore[attr-defined]
        fair = Fair(uid=meta["fair_uid"], name="OTOP CITY (generated)", venue="IMPACT", province="นนทบุรี",
                    first_day=date.fromisoformat(str(meta["first_day"])),
                    last_day=date.fromisoformat(str(meta["last_day"])), created_at=now)
        s.add(fair)
        s.flush()
        s.add_all(default_methods(fair.id))
        vendors = [Vendor(fair_id=fair.id, code=code, name=f"ผู้ผลิต {code}", booth=booth,
                          product_type=TYPES[i % len(TYPES)], producer_type="community")
                   for i, (code, booth, _pub, _kid) in enumerate(meta["vendors"])]  # type: ignore[arg-type]
        s.add_all(vendors)
        s.flush()
        s.add_all([BoothKey(fair_id=fair.id, vendor_id=v.id, key_id=kid, public_pem=pub, created_at=now)
                   for v, (_c, _b, pub, kid) in zip(vendors, meta["vendors"])])  # type: ignore[arg-type]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--booths", type=int, default=30)
    ap.add_argument("--days", type=int, default=9)
    ap.add_argument("--per-day", type=int, default=130)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    meta = generate(a.out, booths=a.booths, days=a.days, per_day=a.per_day, seed=a.seed)
    print(f"{len(meta['paths'])} exports, {meta['sales']} sales, net {meta['net_satang']} satang in {a.out}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
