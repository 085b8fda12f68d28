"""``otop-pos booth …``: set up, export, simulate, list products and sales, report, PIN, days, backups."""
from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from otop_pos.cli.common import booth_service, booth_store, date_arg, dump_json, print_now, show
from otop_pos.core.errors import InputError
from otop_pos.core.money import format_baht, parse_baht






def _positive(text: str) -> int:
    from otop_pos.core.digits import normalize_digits

    try:
        value = int(normalize_digits(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _pin(args: argparse.Namespace) -> str:
    pin = getattr(args, "pin", None) or os.environ.get("OTOP_POS_PIN")
    if not pin:
        raise InputError("ต้องระบุรหัสเจ้าของร้านด้วย --pin หรือ OTOP_POS_PIN",
                         "Give the manager PIN with --pin or OTOP_POS_PIN.")
    return str(pin)






def _warn_twins(service: Any) -> None:
    """Products nothing on their tiles tells apart: a warning on stderr (the setup is done)."""
    for twins in service.lookalike_twins():
        print(f"คำเตือน: {twins.th}\nWarning: {twins.en}", file=sys.stderr)


def _setup_from_package(args: argparse.Namespace) -> int:
    service = booth_service(create=True)
    store = service.store
    setup = service.set_up_from_package(args.package, till_no=args.till,
                                        manager_pin=getattr(args, "pin", None) or os.environ.get("OTOP_POS_PIN"))
    print(f"ตั้งค่าบูธ {setup.booth_code} เครื่อง {setup.till_no}: {setup.vendor_name} งาน {setup.fair_name} "
          f"— สินค้า {len(setup.products)} รายการ\n"
          f"Booth {setup.booth_code} till {setup.till_no} set up for {setup.vendor_code} at {setup.fair_id} "
          f"with {len(setup.products)} products (key {setup.key_id}) in {store.path}")
    _warn_twins(service)
    return 0


def cmd_setup(args: argparse.Namespace) -> int:
    if args.package is not None:
        if args.registry is not None:
            raise InputError("ใช้ --registry หรือ --package อย่างใดอย่างหนึ่ง", "Give --registry or --package, not both.")
        return _setup_from_package(args)
    if args.registry is None:
        raise InputError("ต้องระบุ --package ไฟล์แพ็กเกจบูธ หรือ --registry โฟลเดอร์ทะเบียน",
                         "Give --package FILE (a booth package) or --registry DIR (the registry folder).")
    if not args.vendor:
        raise InputError("ต้องระบุ --vendor รหัสผู้ประกอบการ", "Give --vendor CODE with --registry.")
    service = booth_service(create=True)
    store = service.store
    setup = service.set_up_from_registry(args.registry, args.vendor, booth=args.booth, till_no=args.till,
                                         fair_name=args.fair_name or "",
                                         manager_pin=getattr(args, "pin", None) or os.environ.get("OTOP_POS_PIN"))
    print(f"ตั้งค่าบูธ {setup.booth_code} เครื่อง {setup.till_no}: {setup.vendor_name} — สินค้า {len(setup.products)} รายการ\n"
          f"Booth {setup.booth_code} till {setup.till_no} set up for {setup.vendor_code} "
          f"with {len(setup.products)} products in {store.path}")
    _warn_twins(service)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    print(booth_service().export(args.out_dir))
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    from otop_pos.booth.service import AdjustmentResult, OrderResult, SaleResult

    service = booth_service()

    def emit(result: SaleResult) -> None:
        if args.jsonl:
            sys.stdout.write(json.dumps({"kind": "sale", "uuid": result.uuid, "number": result.number,
                                         "total_satang": result.total_satang,
                                         "created_at": result.created_at.isoformat()}) + "\n")
            sys.stdout.flush()

    def emit_adjustment(result: AdjustmentResult) -> None:   # every committed document is reported
        if args.jsonl:
            sys.stdout.write(json.dumps({"kind": result.kind, "uuid": result.uuid, "number": result.number,
                                         "sale_number": result.sale_number,
                                         "created_at": result.created_at.isoformat()}) + "\n")
            sys.stdout.flush()

    def emit_order(result: OrderResult) -> None:   # order_take, order_deliver, order_cancel
        if args.jsonl:
            kind = {"open": "order_take", "delivered": "order_deliver"}.get(result.status, "order_cancel")
            sys.stdout.write(json.dumps({"kind": kind, "number": result.number, "uuid": result.uuid,
                                         "value_satang": result.value_satang, "deposit_satang": result.deposit_satang,
                                         "paid_now_satang": result.paid_now_satang,
                                         "sale_number": result.sale_number,
                                         "created_at": result.at.isoformat()}) + "\n")
            sys.stdout.flush()

    res = service.simulate(days=args.days, sales_per_day=args.sales_per_day, pin=_pin(args), seed=args.seed,
                           start=args.start, on_sale=emit, on_adjustment=emit_adjustment, orders=args.orders,
                           fair_methods=True if args.fair_methods else None, on_order=emit_order)
    orders = (f", {res.orders_taken} orders taken, {res.orders_delivered} delivered, {res.orders_cancelled} cancelled"
              if args.orders else "")
    print(f"simulated {res.days} day(s): {res.sales} sales, {res.voids} voids, {res.refunds} refunds{orders}",
          file=sys.stderr if args.jsonl else sys.stdout)
    return 0


def cmd_products(args: argparse.Namespace) -> int:
    from otop_pos.booth.catalogue import list_products

    products = list_products(booth_store(), include_inactive=False)
    if args.json:
        dump_json([{"sku": p.sku, "name": p.name, "product_type": p.product_type, "price_satang": p.price_satang,
                "barcode": p.barcode, "stock": p.stock, "sold_out": p.sold_out} for p in products])
        return 0
    for p in products:
        stock = "" if p.stock is None else f"  stock {p.stock}"
        print(f"{p.sku:<16} {format_baht(p.price_satang):>10}  {p.barcode or '-':<13}  {p.name}{stock}")
    return 0


def cmd_methods(args: argparse.Namespace) -> int:
    from otop_pos.booth.methods import payment_methods
    from otop_pos.cli.fair_methods_cmds import method_line

    methods = payment_methods(booth_store())
    if args.json:
        dump_json([m.as_json() for m in methods])
        return 0
    for m in methods:
        show(method_line(m))
    return 0


def cmd_sales(args: argparse.Namespace) -> int:
    from otop_pos.booth.queries import iter_sales_plain

    rows = iter_sales_plain(booth_store(), business_date=args.date)
    out = sys.stdout

    def quoted(text: str) -> str:  # receipt numbers are plain ASCII; anything else goes through json
        return f'"{text}"' if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text \
            else json.dumps(text, ensure_ascii=False)

    def methods_json(methods: str) -> str:  # methods are the checked names cash, promptpay, transfer, other
        return '"' + methods.replace(",", '", "') + '"' if methods else ""

    if args.json:  # streamed, one compact line per sale: 100,000 sales in well under a second
        out.write("[")
        sep = "\n"
        for uuid, number, at, day, status, total, _refunded, net, _items, methods in rows:
            out.write(f'{sep}{{"uuid": "{uuid}", "number": {quoted(number)}, '
                      f'"time": "{at}", "business_date": "{day}", "status": "{status}", '
                      f'"total_satang": {total}, "net_satang": {net}, '
                      f'"methods": [{methods_json(methods)}]}}')
            sep = ",\n"
        out.write("\n]\n")
        return 0
    for _uuid, number, at, _day, status, _total, _refunded, net, _items, _methods in rows:
        out.write(f"{number:<16} {at[:16].replace('T', ' ')}Z  {status:<15} {format_baht(net):>12}\n")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from otop_pos.booth.queries import booth_report

    rep = booth_report(booth_store())
    if args.json:
        dump_json(asdict(rep))
        return 0
    print(f"บูธ/Booth {rep.booth} till {rep.till} ({rep.vendor_code})")
    print(f"รายได้สุทธิ / Net income: {format_baht(rep.net_satang)}  ขาย/sales {rep.sales_count}  "
          f"ยกเลิก/voids {rep.voids_count}  คืนเงิน/refunds {rep.refunds_count}")
    for m, v in rep.by_method.items():
        print(f"  {m:<10} {format_baht(v):>12}")
    for d, v in rep.by_day.items():
        print(f"  {d} {format_baht(v):>12}")
    o = rep.orders
    print(f"สั่งจอง / Orders: {o.taken_count} ({format_baht(o.taken_satang)})  มัดจำ/deposits "
          f"{format_baht(o.deposits_satang)}  ส่งมอบ/delivered {o.delivered_count}  ยกเลิก/cancelled "
          f"{o.cancelled_count}  ค้างส่ง/open {o.open_count} ({format_baht(o.open_satang)})")
    return 0


def cmd_pin(args: argparse.Namespace) -> int:
    booth_service().set_pin(args.new_pin, current_pin=args.current)
    print("ตั้งรหัสเจ้าของร้านแล้ว / Manager PIN set.")
    return 0


def cmd_day(args: argparse.Namespace) -> int:
    service = booth_service()
    if args.action == "open":
        day = service.open_day(parse_baht(args.float or "0"))
        print(f"เปิดวันขาย {day.business_date} เงินทอนตั้งต้น {format_baht(day.float_satang)} / Day opened.")
    elif args.action == "status":
        fig = service.day_figures()
        dump_json(asdict(fig))
    else:
        if args.counted is None:
            raise InputError("ต้องระบุ --counted ยอดเงินสดที่นับได้", "Give --counted (the cash counted).")
        z = service.close_day(_pin(args), counted_satang=parse_baht(args.counted))
        print(f"ปิดวันขายแล้ว คาดว่า {format_baht(z.expected_cash_satang)} นับได้ "
              f"{format_baht(z.counted_cash_satang or 0)} ต่าง {format_baht(z.difference_satang or 0)}\n"
              f"Day closed: expected {format_baht(z.expected_cash_satang)}, counted "
              f"{format_baht(z.counted_cash_satang or 0)}, difference {format_baht(z.difference_satang or 0)}")
        print_now(service, service.newest_print_job("zreport"), "รายงานปิดวัน", "Z report")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    service = booth_service()
    if args.to is None and not service.settings.backup_dir:
        raise InputError("ต้องระบุ --to โฟลเดอร์สำรองข้อมูล", "Give --to FOLDER for the backup.")
    res = service.backup_now(args.to, keep=args.keep)
    print(res.path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from otop_pos.booth.backup import restore_backup
    from otop_pos.booth.store import default_data_dir

    aside = restore_backup(args.backup, default_data_dir())
    print(f"กู้คืนแล้ว ข้อมูลเดิมเก็บไว้ที่ {aside}\nRestored; the previous store was kept as {aside}")
    if args.exports is None:
        print("คำเตือน: ถ้าเคยส่งยอดขายหลังวันที่สำรองไว้ ให้นำข้อมูลกลับมาก่อนเริ่มขายอีกครั้ง: "
              "otop-pos booth roll-forward โฟลเดอร์ไฟล์ส่งยอดขาย\n"
              "Warning: if an export was made after this backup, bring its documents back before selling: "
              "otop-pos booth roll-forward EXPORT_FOLDER", file=sys.stderr)
        return 0
    return _roll_forward(args.exports)


def _roll_forward(exports: Path) -> int:
    service = booth_service()
    try:
        done = service.roll_forward(exports)
    finally:
        service.close()
    if done.sales + done.voids + done.refunds + done.days + done.days_closed == 0:
        print(f"ข้อมูลในเครื่องใหม่กว่าหรือเท่ากับ {done.export} แล้ว ไม่มีอะไรต้องนำกลับมา (เลขล่าสุด {done.last_number})\n"
              f"The store already holds everything in {done.export}; nothing to bring back "
              f"(newest number {done.last_number}).")
        return 0
    print(f"นำกลับมาจาก {done.export}: ขาย {done.sales} ยกเลิก {done.voids} คืนเงิน {done.refunds} "
          f"เปิดวันขาย {done.days} ปิดวันขาย {done.days_closed}; เลขเอกสารล่าสุด {done.last_number}\n"
          f"Brought back from {done.export}: {done.sales} sales, {done.voids} voids, {done.refunds} refunds, "
          f"{done.days} days opened, {done.days_closed} closed; the newest document is {done.last_number}.")
    return 0


def cmd_roll_forward(args: argparse.Namespace) -> int:
    """Bring a restored store forward from this till's newest export (a file or a folder)."""
    return _roll_forward(args.exports)


def cmd_new_till(args: argparse.Namespace) -> int:
    """Make this laptop (its data folder copied from another till) a till of its own, keeping its history."""
    done = booth_service().new_till(args.till, _pin(args))
    print(f"เครื่องนี้เป็นเครื่อง {done.till_no} ของบูธแล้ว (เดิมเครื่อง {done.old_till_no}) ใบเสร็จถัดไป {done.next_number} "
          "ส่งไฟล์ยอดขายให้ผู้จัดงานตามปกติ\n"
          f"This laptop is now till {done.till_no} of its booth (was till {done.old_till_no}); the next receipt is "
          f"{done.next_number}. Export to the organiser as usual.")
    return 0


def register(sub: Any) -> None:
    """Add the ``booth`` command group."""
    booth = sub.add_parser("booth", help="booth (till) commands").add_subparsers(dest="booth_cmd", metavar="ACTION")
    p = booth.add_parser("setup", help="set this till up for one vendor (from a booth package or the registry)")
    p.add_argument("--package", type=Path, help="booth package file from the organiser (.otopbooth)")
    p.add_argument("--registry", type=Path,
                   help="the registry: a folder holding the vendors and the catalogue (CSV or .xlsx), or one workbook")
    p.add_argument("--vendor", help="vendor code with --registry, e.g. KK20-0002")
    p.add_argument("--booth", help="booth code (default: from the registry)")
    p.add_argument("--till", type=int, default=1, help="till number when a booth runs two laptops")
    p.add_argument("--fair-name", help="fair name printed on receipts")
    p.add_argument("--pin", help="manager PIN to set (4–8 digits; or OTOP_POS_PIN)")
    p.set_defaults(handler=cmd_setup)
    p = booth.add_parser("export", help="write the signed sales export for the organiser; prints its path")
    p.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="folder to write into (e.g. a USB stick)")
    p.set_defaults(handler=cmd_export)
    p = booth.add_parser("simulate", help="simulate fair days through the real use cases")
    p.add_argument("--days", type=_positive, required=True)
    p.add_argument("--sales-per-day", type=_positive, required=True)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--start", type=date_arg, default=None, help="first day, YYYY-MM-DD (or พ.ศ.)")
    p.add_argument("--jsonl", action="store_true", help="print one JSON line per committed sale (and order action)")
    p.add_argument("--orders", action="store_true",
                   help="about one basket in twenty becomes an order with a deposit, delivered or cancelled on a "
                        "later day (brings --fair-methods)")
    p.add_argument("--fair-methods", action="store_true",
                   help="customers also pay by the fair's card, co-payment schemes and state cards")
    p.add_argument("--pin", help="manager PIN (or OTOP_POS_PIN)")
    p.set_defaults(handler=cmd_simulate)
    for name, fn, hlp in (("products", cmd_products, "the catalogue"), ("sales", cmd_sales, "every sale"),
                          ("methods", cmd_methods, "the fair's payment methods (from the booth package)"),
                          ("report", cmd_report, "booth totals")):
        p = booth.add_parser(name, help=hlp)
        p.add_argument("--json", action="store_true")
        if name == "sales":
            p.add_argument("--date", type=date_arg, default=None)
        p.set_defaults(handler=fn)
    p = booth.add_parser("pin", help="set or change the manager PIN")
    p.add_argument("new_pin")
    p.add_argument("--current", help="the current PIN (when changing)")
    p.set_defaults(handler=cmd_pin)
    p = booth.add_parser("day", help="open, show or close the sales day")
    p.add_argument("action", choices=("open", "status", "close"))
    p.add_argument("--float", help="cash float when opening (baht)")
    p.add_argument("--counted", help="cash counted when closing (baht)")
    p.add_argument("--pin", help="manager PIN (or OTOP_POS_PIN)")
    p.set_defaults(handler=cmd_day)
    p = booth.add_parser("backup", help="back the store up now")
    p.add_argument("--to", type=Path, help="backup folder (default: from settings)")
    p.add_argument("--keep", type=int, default=10)
    p.set_defaults(handler=cmd_backup)
    p = booth.add_parser("restore", help="restore a backup file (close the app first)")
    p.add_argument("backup", type=Path)
    p.add_argument("--exports", type=Path, metavar="PATH",
                   help="then bring back, from this till's newest export in PATH (a file or folder, e.g. the USB "
                        "stick), the documents made after the backup")
    p.set_defaults(handler=cmd_restore)
    p = booth.add_parser("new-till", help="make this laptop, whose data folder was copied from another till, a till "
                         "of its own (keeps its sales; receipts get the new till number)")
    p.add_argument("--till", type=int, required=True, help="a till number no other laptop of the booth uses")
    p.add_argument("--pin", help="manager PIN (or OTOP_POS_PIN)")
    p.set_defaults(handler=cmd_new_till)
    from otop_pos.cli import booth_orders_cmds

    booth_orders_cmds.register(booth)
    p = booth.add_parser("roll-forward", help="bring a restored store forward from this till's newest export")
    p.add_argument("exports", type=Path, metavar="PATH", help="an export file, or a folder holding exports")
    p.set_defaults(handler=cmd_roll_forward)
