"""``otop-pos print …`` and ``otop-pos promptpay``: receipts, Z reports and test pages to a printer or PDF."""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from otop_pos.cli.common import booth_service, date_arg
from otop_pos.core.errors import InputError
from otop_pos.core.money import parse_baht
from otop_pos.core.promptpay import promptpay_payload




def _config(args: argparse.Namespace, service: Any | None) -> Any:
    """The printer config from --printer/--width over the booth settings (or the defaults)."""
    from otop_pos.printing.queue import PrinterConfig

    config = service.queue.config if service is not None else PrinterConfig()
    config = replace(config, printer=args.printer or config.printer, paper_width=args.width or config.paper_width)
    if not config.configured:
        raise InputError("ยังไม่ได้เลือกเครื่องพิมพ์ ใช้ --printer เช่น usb:04b8:0202 หรือ file:/dev/usb/lp0",
                         "No printer is set: give --printer, e.g. usb:04b8:0202 or file:/dev/usb/lp0.")
    return config


def _printer(args: argparse.Namespace, service: Any | None) -> Any:
    """The printer from --printer/--width, else from the booth settings (the queue's printer factory)."""
    from otop_pos.printing.queue import default_printer_factory

    return default_printer_factory(_config(args, service))


def cmd_test(args: argparse.Namespace) -> int:
    printer = _printer(args, None)
    try:
        printer.print_test_page()
    finally:
        printer.close()
    print(f"พิมพ์หน้าทดสอบแล้ว / Test page sent to {args.printer} ({printer.width} dots).")
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    service = booth_service()
    ref = service.last_sale_number() if args.last else args.number
    if not ref:
        raise InputError("ต้องระบุเลขที่ใบเสร็จ หรือ --last", "Give a receipt number or --last.")
    doc = service.receipt_doc(ref, copy=args.copy, lang=args.lang_doc)
    if args.buyer_name or args.buyer_address or args.buyer_tax_id:
        doc = replace(doc, buyer_name=args.buyer_name or "", buyer_address=args.buyer_address or "",
                      buyer_tax_id=args.buyer_tax_id or "")
    if args.pdf:
        from otop_pos.reports.receipt_pdf import write_receipt_pdf

        write_receipt_pdf(doc, args.pdf, page="A4" if args.a4 else "A5")
        print(args.pdf)
        return 0
    printer = _printer(args, service)
    try:
        printer.print_receipt(doc)
    finally:
        printer.close()
    print(f"พิมพ์ใบเสร็จ {doc.number}{' (สำเนา)' if doc.copy else ''} แล้ว / Receipt {doc.number} sent.")
    return 0


def cmd_zreport(args: argparse.Namespace) -> int:
    service = booth_service()
    doc = service.zreport(business_date=args.date, lang=args.lang_doc or "th")
    if args.pdf:
        from otop_pos.reports.zreport_pdf import write_zreport_pdf

        write_zreport_pdf(doc, args.pdf)
        print(args.pdf)
        return 0
    printer = _printer(args, service)
    try:
        printer.print_zreport(doc)
    finally:
        printer.close()
    print(f"พิมพ์รายงานปิดวัน {doc.business_date} แล้ว / Z report sent.")
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    service = booth_service()
    if args.retry is not None:
        service.retry_job(args.retry)
    if args.run:
        service.queue.configure(_config(args, service))
        state = service.flush_prints()
        for job in service.queue.last_run:
            print(f"job {job.id} {job.kind} {job.status} {job.error_en}")
        if state.error_en and not service.queue.last_run:
            print(f"{state.error_th}\n{state.error_en}", file=sys.stderr)
    for job in service.print_jobs():
        print(f"{job.id:>6} {job.kind:<8} {job.status:<8} {job.error_code:<14} {job.error_en}")
    return 0


def cmd_promptpay(args: argparse.Namespace) -> int:
    amount = parse_baht(args.amount) if args.amount else None
    payload = promptpay_payload(args.target, amount)
    print(payload)
    if args.png:
        from otop_pos.reports.promptpay_sign import write_promptpay_png

        write_promptpay_png(args.target, amount, args.png)
        print(args.png, file=sys.stderr)
    if args.pdf:
        from otop_pos.reports.promptpay_sign import write_promptpay_sign_pdf

        write_promptpay_sign_pdf(args.target, args.shop or "", args.name or "", args.pdf, amount_satang=amount)
        print(args.pdf, file=sys.stderr)
    return 0




def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a width in dots: {text!r}") from None
    if not 200 <= value <= 1024:
        raise argparse.ArgumentTypeError("paper width must be 200–1024 dots (384, 512 or 576 usually)")
    return value


def register(sub: Any) -> None:
    """Add ``print`` and ``promptpay``."""
    group = sub.add_parser("print", help="print receipts, Z reports, test pages").add_subparsers(
        dest="print_cmd", metavar="WHAT")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--printer", help="usb:VID:PID[:IN:OUT], net:HOST[:PORT], serial:DEV[:BAUD], file:PATH, dummy")
        p.add_argument("--width", type=_width, help="paper width in dots: 384 (58 mm), 576 (80 mm), 512 (TM-T88)")

    p = group.add_parser("test", help="print a test page")
    common(p)
    p.set_defaults(handler=cmd_test)
    p = group.add_parser("receipt", help="print (or reprint with --copy) a receipt, or write it as PDF")
    p.add_argument("number", nargs="?")
    p.add_argument("--last", action="store_true", help="the newest sale")
    p.add_argument("--copy", action="store_true", help="mark as COPY / สำเนา")
    p.add_argument("--pdf", type=Path, help="write an A5 PDF receipt instead of printing")
    p.add_argument("--a4", action="store_true", help="A4 instead of A5 for --pdf")
    p.add_argument("--buyer-name")
    p.add_argument("--buyer-address")
    p.add_argument("--buyer-tax-id")
    p.add_argument("--doc-lang", dest="lang_doc", choices=("th", "en"))
    common(p)
    p.set_defaults(handler=cmd_receipt)
    p = group.add_parser("zreport", help="print the Z report of a day, or write it as PDF")
    p.add_argument("date", type=date_arg)
    p.add_argument("--pdf", type=Path)
    p.add_argument("--doc-lang", dest="lang_doc", choices=("th", "en"))
    common(p)
    p.set_defaults(handler=cmd_zreport)
    p = group.add_parser("queue", help="list waiting and failed print jobs; --run prints them")
    p.add_argument("--run", action="store_true")
    p.add_argument("--retry", type=int, help="put a failed job back in the queue")
    common(p)
    p.set_defaults(handler=cmd_queue)
    p = sub.add_parser("promptpay", help="PromptPay QR payload; --png QR image, --pdf A5 booth sign")
    p.add_argument("target", help="mobile number, national/tax ID or e-wallet ID")
    p.add_argument("--amount")
    p.add_argument("--png", type=Path)
    p.add_argument("--pdf", type=Path)
    p.add_argument("--shop", help="shop name on the sign")
    p.add_argument("--name", help="account name on the sign")
    p.set_defaults(handler=cmd_promptpay)
