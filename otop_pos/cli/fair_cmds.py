"""``otop-pos fair …``: organiser commands — create a fair, load the registry, write booth packages, import
booth exports, show status and totals, verify the report totals, write reports. ``--db PATH|URL`` (or ``OTOP_POS_DB``) picks the store."""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from otop_pos.cli.common import date_arg, dump_json, show
from otop_pos.core.clock import SystemClock
from otop_pos.core.errors import InputError
from otop_pos.core.money import format_baht
from otop_pos.core.visible import visible

DB_HELP = "fair store: a SQLite file path or postgresql+psycopg://… URL (default: $OTOP_POS_DB or fair.sqlite " \
          "in the user data folder)"




def _store(args: argparse.Namespace, *, create: bool = False) -> Any:
    """The fair store of ``--db`` (or the default); only ``fair create`` makes one that does not exist."""
    from otop_pos.fair.store import open_fair_store

    return open_fair_store(getattr(args, "db", None), create=create)






def cmd_create(args: argparse.Namespace) -> int:
    from otop_pos.fair.fairs import create_fair

    store = _store(args, create=True)
    fair, warnings = create_fair(store, SystemClock(), name=args.name, venue=args.venue or "",
                                 province=args.province or "", first_day=args.start, last_day=args.end)
    for w in warnings:
        show((f"คำเตือน/warning: {w}"), file=sys.stderr)
    show(f"สร้างงาน {fair.name} ({fair.first_day} ถึง {fair.last_day}) รหัส {fair.id}\n"
          f"Fair {fair.id} created: {fair.name}, {fair.first_day} to {fair.last_day}, id {fair.uid} "
          f"in {store.description}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from otop_pos.fair.fairs import list_fairs

    fairs = list_fairs(_store(args))
    if args.json:
        dump_json([asdict(f) for f in fairs])
        return 0
    for f in fairs:
        show(f"{f.id:>3}  {f.uid}  {f.first_day} – {f.last_day}  {f.name}  ({f.venue}, {f.province})")
    return 0


def cmd_registry(args: argparse.Namespace) -> int:
    from otop_pos.exchange.registry_csv import find_registry_files, load_registry
    from otop_pos.fair.fairs import load_registry_into

    files: list[Path] = args.files
    if len(files) == 1:  # a folder, or one workbook holding both sheets
        vendors, catalogue = find_registry_files(files[0])
    elif len(files) == 2:
        vendors, catalogue = files[0], files[1]
    else:
        raise InputError("ระบุไฟล์ผู้ประกอบการและไฟล์สินค้า (หรือโฟลเดอร์ที่มีทั้งสองไฟล์ หรือไฟล์ Excel ที่มีทั้งสองแผ่นงาน)",
                         "Give VENDORS.csv and CATALOGUE.csv (or one folder holding both, or one workbook "
                         "holding both sheets).")
    registry = load_registry(vendors, catalogue)
    res = load_registry_into(_store(args), args.fair, registry)
    for w in res.warnings:
        print(visible(f"คำเตือน/warning: {w}"), file=sys.stderr)
    print(f"ผู้ประกอบการ: เพิ่ม {res.vendors_added} แก้ไข {res.vendors_updated}; สินค้า: เพิ่ม {res.products_added} "
          f"แก้ไข {res.products_updated}; คำเตือน {len(res.warnings)}\n"
          f"Vendors: {res.vendors_added} added, {res.vendors_updated} updated; products: {res.products_added} "
          f"added, {res.products_updated} updated; {len(res.warnings)} warning(s)")
    return 0


def cmd_packages(args: argparse.Namespace) -> int:
    from otop_pos.fair.packages import make_packages

    written = make_packages(_store(args), SystemClock(), args.out_dir, fair_ref=args.fair, vendor_codes=args.vendor)
    for w in written:
        show(f"{w.booth:<8} {w.vendor_code:<12} {w.products:>4} products  {w.path}")
    show(f"เขียนแพ็กเกจบูธ {len(written)} ไฟล์ใน {args.out_dir} (เก็บเป็นความลับ: มีกุญแจลงนามของบูธ)\n"
          f"{len(written)} booth package(s) written to {args.out_dir} (keep them private: they hold the booth keys)",
          file=sys.stderr)
    return 0


class _Progress:
    """A progress bar on stderr (a line every 10 % when stderr is not a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self.start = time.monotonic()
        self.shown = -1

    def __call__(self, done: int, total: int, _result: Any) -> None:
        if not self.enabled or total == 0:
            return
        frac = done / total
        elapsed = time.monotonic() - self.start
        eta = elapsed / frac - elapsed if frac else 0.0
        if self.tty:
            bar = "#" * int(frac * 30)
            sys.stderr.write(f"\r[{bar:<30}] {done}/{total} files  {elapsed:5.0f}s  eta {eta:4.0f}s ")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        elif total >= 20 and (int(frac * 10) > self.shown or done == total):
            self.shown = int(frac * 10)
            print(f"{done}/{total} files ({frac:.0%}), {elapsed:.0f}s", file=sys.stderr, flush=True)


def _file_line(f: Any) -> str:
    """One line for one file of an import run: what became of it and why, in Thai and English; control, bidi
    and non-UTF-8 characters of the file's name or of what it holds shown as escapes (``core.visible``)."""
    return visible(_raw_file_line(f))


def _raw_file_line(f: Any) -> str:
    if f.result == "imported":
        return (f"+ {f.name}: {f.booth_code} till {f.till_no} — {f.th} / {f.en}"
                + (f" (already held / มีอยู่แล้ว: {f.skipped})" if f.skipped else ""))
    if f.result == "unchanged":
        return f"= {f.name}: already held / มีอยู่แล้ว [{f.reason}] {f.th} / {f.en}"
    if f.result == "skipped":
        shown = f.path if f.reason == "no_exports" else f.name
        return f"- {shown}: SKIPPED / ข้าม [{f.reason}] {f.th} / {f.en}"
    return f"! {f.name}: REFUSED / ปฏิเสธ [{f.reason}] {f.th} / {f.en}"


def _show(text: str) -> None:
    """Print ``text`` about a file, each of its lines ``visible``."""
    show(text)


def _visible_fields(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with its texts shown as ``visible`` does (JSON escapes control characters but not bidi
    overrides, and a file name's non-UTF-8 bytes cannot be written at all)."""
    return {k: visible(v) if isinstance(v, str) else v for k, v in row.items()}


def cmd_import(args: argparse.Namespace) -> int:
    """Import files and folders: one line (or JSON object) per file; exit 0 when every file was imported or
    already held, 1 when any was refused or skipped (usage errors exit 2 before anything is read)."""
    from otop_pos.fair.importer import import_paths

    if args.jobs is not None and args.jobs < 0:
        raise InputError("--jobs ต้องเป็น 0 หรือมากกว่า", "--jobs must be 0 or more.")
    store = _store(args)
    report = import_paths(store, SystemClock(), args.paths, fair_ref=args.fair, jobs=args.jobs,
                          on_progress=_Progress(not args.quiet))
    if report.worker_crashed:
        print("กระบวนการช่วยตรวจไฟล์หยุดทำงาน ไฟล์ที่เหลือตรวจในกระบวนการนี้แทน (นำเข้าครบทุกไฟล์) / "
              "A worker process verifying files died; the remaining files were verified in this process.",
              file=sys.stderr)
    counts = {r: report.count(r) for r in ("imported", "unchanged", "refused", "skipped")}
    if args.json:
        dump_json({**counts, "junk": report.junk, "sales_added": report.sales, "retries": report.retries,
                   "worker_crashed": report.worker_crashed,
                   "files": [_visible_fields({"name": f.name, **asdict(f)}) for f in report.files]})
    else:
        for f in report.files:
            print(_file_line(f))
        junk = (f"; ไฟล์ซ่อนหรือไฟล์ของระบบ {report.junk} ไฟล์ไม่ได้อ่าน" if report.junk else "",
                f"; {report.junk} hidden or system file(s) passed over" if report.junk else "")
        print(f"นำเข้า {counts['imported']} ไฟล์, มีอยู่แล้ว {counts['unchanged']}, ปฏิเสธ {counts['refused']}, "
              f"ข้าม {counts['skipped']}; เพิ่มการขาย {report.sales} รายการ{junk[0]}\n"
              f"{counts['imported']} imported, {counts['unchanged']} already held, {counts['refused']} refused, "
              f"{counts['skipped']} skipped; {report.sales} sales added{junk[1]}")
    return 0 if report.all_taken else 1


def cmd_accept_fork(args: argparse.Namespace) -> int:
    """Accept a copied till's export (refused as copied_till) as a branch of its till, and import it."""
    from otop_pos.fair.forks import accept_fork

    done = accept_fork(_store(args), SystemClock(), args.file, fair_ref=args.fair)
    if args.json:
        dump_json(asdict(done))
        return 0
    after_th = f"หลังใบเสร็จ {done.fork_number}" if done.fork_seq else "ตั้งแต่ใบแรก"
    after_en = f"after receipt {done.fork_number}" if done.fork_seq else "from its first receipt"
    head_th = "รับเป็นสาขาใหม่" if done.new_branch else "สาขานี้รับไว้แล้ว"
    head_en = "accepted as new branch" if done.new_branch else "already accepted as branch"
    _show(f"{head_th} {done.branch} ของเครื่อง {done.till_no} บูธ {done.booth_code} ({done.vendor_code}) {after_th}: "
          f"เพิ่มการขาย {done.sales} รายการ ยกเลิก {done.voids} รายการ คืนเงิน {done.refunds} รายการ รวม {done.days} วัน\n"
          f"{done.file}: {head_en} {done.branch} of till {done.till_no}, booth {done.booth_code} "
          f"({done.vendor_code}), {after_en}: added {done.sales} sales, {done.voids} voids, {done.refunds} refunds, "
          f"{done.days} days. Later exports of either laptop go to their own branch; tell the booth to make the "
          "copied laptop a till of its own (otop-pos booth new-till --till N).")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from otop_pos.fair.status import fair_status

    st = fair_status(_store(args), SystemClock(), args.fair)
    if args.json:
        data = asdict(st)
        data["missing"] = {d.isoformat(): list(v) for d, v in st.missing.items()}
        dump_json(data)
        return 0
    f = st.fair
    show(f"{f.name} — {f.venue}, {f.province}: {f.first_day} – {f.last_day} (id {f.id}, {f.uid})")
    show(f"ผู้ประกอบการที่ส่งข้อมูลแล้ว / vendors with imports: {len(st.vendors)} of {st.vendors_registered}; "
          f"files: {st.files}")
    for v in st.vendors:
        days = ", ".join(d.strftime("%d/%m") for d in v.days)
        show(f"  {v.booth:<8} {v.code:<12} tills {v.tills}  {format_baht(v.net_satang):>14}  days {days}")
    for t in st.tills:
        if t.branch or t.first_booth != t.booth:
            moved = f" (first seen at booth {t.first_booth})" if t.first_booth != t.booth else ""
            copy = (f" — copy {t.branch} of till {t.copied_from_till_no}, after receipt {t.fork_number or '(none)'}"
                    if t.branch else "")
            show(f"  {t.booth:<8} {t.vendor_code:<12} till {t.till_no}{copy}{moved}: {t.head_seq} documents")
    for d, codes in st.missing.items():
        head = f"  {d}: {len(codes)} vendor(s) sent nothing"
        show(head + (": " + ", ".join(codes[:20]) + (" …" if len(codes) > 20 else "") if codes else ""))
    show("import log (newest first):")
    for e in st.log:
        show((f"  {e.at:%Y-%m-%d %H:%M}Z {e.result:<9} {e.booth_code:<8} {e.file_name}"
                      + (f" [{e.reason}] {e.message_en}" if e.result == "refused" else f" +{e.sales_added} sales"
                         + (f", +{e.orders_added} orders" if e.orders_added else ""))))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from otop_pos.fair.methods import list_methods
    from otop_pos.fair.status import fair_summary

    store = _store(args)
    sm = fair_summary(store, args.fair)
    if args.json:
        dump_json(asdict(sm))
        return 0
    show(f"{sm.fair.name}: รายได้สุทธิ / net income {format_baht(sm.net_satang)} "
          f"(sales {sm.sales_count}, voids {sm.voids_count}, refunds {sm.refunds_count})")
    for code, net in sm.per_vendor.items():
        show(f"  {code:<12} {format_baht(net):>14}")
    o = sm.orders
    if o["taken_count"]:
        show(f"ยอดสั่งจอง / orders: {o['taken_count']} ({format_baht(o['taken_satang'])}), "
             f"มัดจำ / deposits {format_baht(o['deposits_satang'])}, ส่งมอบแล้ว / delivered {o['delivered_count']} "
             f"({format_baht(o['delivered_satang'])}), ยกเลิก / cancelled {o['cancelled_count']}, "
             f"ค้างส่ง / open {o['open_count']} ({format_baht(o['open_satang'])})")
    if sm.after_fair.first_day is not None:
        a = sm.after_fair
        show(f"หลังวันงาน / after the fair ({', '.join(a.days)}): ส่งมอบ / delivered {a.delivered_count} "
             f"({format_baht(a.delivered_satang)}), คืนเงิน / refunds {a.refunds_count} ({format_baht(a.refunds_satang)})")
    for t in sm.branches:
        show(f"  * {t.vendor_code} booth {t.booth} till {t.copied_from_till_no}: copied laptop accepted as branch "
              f"{t.branch} after receipt {t.fork_number or '(none)'} (its sales counted once, numbers as printed)")
    _show_schemes(sm.schemes, {m.code: m for m in list_methods(store, args.fair)}, sm.net_satang)
    return 0


def _show_schemes(schemes: dict[str, dict[str, int]], methods: dict[str, Any], net: int) -> None:
    """The spending each state scheme brought: the whole, the state's and the customers' shares, its share."""
    if not schemes:
        return
    show("ยอดใช้จ่ายผ่านโครงการรัฐ / spending brought by state schemes:")
    for code, sh in schemes.items():
        m = methods.get(code)
        name = f"{m.name_th} / {m.name_en}" if m is not None else visible(code)
        whole = sh["customer_satang"] + sh["state_satang"]
        share = f"{100 * whole / net:.2f} %" if net > 0 else "–"
        show(f"  {code:<12} {format_baht(whole):>14}  รัฐ/state {format_baht(sh['state_satang'])}  "
             f"ลูกค้า/customers {format_baht(sh['customer_satang'])}  ({share} of net income)  {name}")


def cmd_report(args: argparse.Namespace) -> int:
    """Every report figure: as JSON (satang), PDF, XLSX and/or CSV files, else a short summary."""
    from otop_pos.fair.figures import compute_figures
    from otop_pos.reports.model import figures_to_json

    store = _store(args)
    written: list[Path] = []
    if args.producer_sheets:
        from otop_pos.fair.producer_sheets import write_producer_sheets

        sheets = write_producer_sheets(store, args.producer_sheets, fair_ref=(args.fair or [None])[-1])
        show(f"ใบสรุปยอดขายสำหรับผู้ผลิต {len(sheets)} ราย / {len(sheets)} producer sheets: {args.producer_sheets}",
             file=sys.stderr)
        if not (args.pdf or args.xlsx or args.csv or args.json):
            return 0
    fig = compute_figures(store, fair_refs=args.fair, first=args.date_from, last=args.date_to, top=args.top)
    if args.pdf:
        from otop_pos.reports.figures_pdf import write_figures_pdf

        write_figures_pdf(fig, args.pdf, lang=args.lang)
        written.append(args.pdf)
    if args.xlsx:
        from otop_pos.reports.xlsx_out import write_figures_xlsx

        write_figures_xlsx(fig, args.xlsx, lang=args.lang)
        written.append(args.xlsx)
    if args.csv:
        from otop_pos.reports.csv_out import write_figures_csv

        written += write_figures_csv(fig, args.csv, lang=args.lang)
    for path in written:
        show(f"เขียนแล้ว / written: {path}", file=sys.stderr)
    if args.json:
        dump_json(figures_to_json(fig))
    elif not written:
        k = fig.key
        show(f"{fig.fair_name}: {fig.period.first} – {fig.period.last}")
        show(f"รายได้สุทธิ / net income {format_baht(k.net_satang):>16}  (sales {k.sales_count:,}, voids "
              f"{k.voids_count:,}, refunds {k.refunds_count:,}, items {k.items_sold:,}, average "
              f"{format_baht(k.average_sale_satang)})")
        for title, rows in (("product type", fig.by_product_type), ("payment method", fig.by_method),
                            ("day", fig.by_day)):
            show(f"  {title}:")
            for r in rows:
                show(f"    {r.label_th:<34} {format_baht(r.net_satang):>16} {r.share_bp / 100:6.2f} %")
    return 0


def _findings(differences: Any) -> tuple[str, str]:
    """What ``fair verify`` found, in Thai and English: totals rows that differ, till days held twice."""
    days = sum(1 for d in differences if d.table == "till_day")
    rows = len(differences) - days
    th = [f"ยอดรวม {rows} แถวไม่ตรงกับเอกสาร"] if rows else []
    en = [f"{rows} totals row(s) differ from the documents"] if rows else []
    if days:
        th.append(f"วันขาย {days} วันถูกเก็บซ้ำ")
        en.append(f"{days} till day(s) held more than once")
    return " และ".join(th), " and ".join(en)


def cmd_verify(args: argparse.Namespace) -> int:
    """Compare the report totals with the documents; exit 1 when they differ (and were not repaired)."""
    from otop_pos.fair.totals import verify_totals

    check = verify_totals(_store(args), args.fair, repair=args.repair)
    if args.json:
        dump_json(asdict(check))
    else:
        for d in check.differences[:50]:
            show(f"  {d.table} {d.key}: stored {d.stored}, from the documents {d.computed}")
        if len(check.differences) > 50:
            show(f"  … {len(check.differences) - 50} more")
        if not check.differences:
            show(f"{check.fair_name}: ยอดรวมของรายงานตรงกับเอกสารทุกฉบับ\n"
                  f"{check.fair_name}: the report totals match the imported documents.")
        else:
            th, en = _findings(check.differences)
            if check.repaired:
                show(f"{check.fair_name}: {th} แก้ไขแล้ว (คำนวณใหม่จากเอกสาร)\n"
                     f"{check.fair_name}: {en}; repaired (computed afresh from the documents).")
            else:
                show(f"{check.fair_name}: {th} (ใช้ --repair เพื่อคำนวณใหม่จากเอกสาร)\n"
                     f"{check.fair_name}: {en} (--repair computes them afresh from the documents).")
    return 1 if check.differences and not check.repaired else 0


def cmd_methods(args: argparse.Namespace) -> int:
    from otop_pos.cli.fair_methods_cmds import cmd_methods as run

    return run(args, _store(args))


def register(sub: Any) -> None:
    """Add the ``fair`` command group (``--db`` accepted before or after the action)."""
    fair = sub.add_parser("fair", help="organiser commands (fair store)")
    fair.add_argument("--db", default=None, help=DB_HELP)
    actions = fair.add_subparsers(dest="fair_cmd", metavar="ACTION")

    def action(name: str, handler: Any, help_text: str, *, with_fair: bool = True) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help_text)
        p.add_argument("--db", default=argparse.SUPPRESS, help=DB_HELP)
        if with_fair:
            p.add_argument("--fair", default=None, help="fair id (default: the only or newest fair)")
        p.set_defaults(handler=handler)
        return p

    p = action("create", cmd_create, "create a fair", with_fair=False)
    p.add_argument("--name", required=True)
    p.add_argument("--venue", default="")
    p.add_argument("--province", default="")
    p.add_argument("--start", type=date_arg, required=True, help="first day, YYYY-MM-DD (or พ.ศ.)")
    p.add_argument("--end", type=date_arg, required=True, help="last day, YYYY-MM-DD (or พ.ศ.)")
    p = action("list", cmd_list, "list the fairs in the store", with_fair=False)
    p.add_argument("--json", action="store_true")
    p = action("registry", cmd_registry, "load the vendors and the catalogue (CSV or .xlsx) into the fair")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE",
                   help="VENDORS CATALOGUE (CSV or .xlsx), or a folder, or one workbook holding both sheets")
    p = action("packages", cmd_packages, "write one booth package per vendor (new signing keys)")
    p.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    p.add_argument("--vendor", action="append", help="only this vendor code (repeatable)")
    p = action("import", cmd_import, "import booth exports (files and folders); exit 0 when every file was imported "
               "or already held, 1 when any was refused or skipped, 2 for a usage error")
    p.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    p.add_argument("--jobs", type=int, default=None, help="worker processes verifying files while this one writes (0: none; default: auto)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p = action("accept-fork", cmd_accept_fork, "accept a copied till's export (refused as copied_till) as a branch "
               "of its till and import it")
    p.add_argument("file", type=Path, metavar="FILE", help="the refused export of the copied laptop")
    p.add_argument("--json", action="store_true")
    p = action("methods", cmd_methods, "the fair's payment methods and schemes: list, add, set, remove")
    from otop_pos.cli.fair_methods_cmds import register_methods
    register_methods(p, DB_HELP)
    p = action("status", cmd_status, "imported vendors and days, missing exports, import log")
    p.add_argument("--json", action="store_true")
    p = action("summary", cmd_summary, "the fair's totals (net income in satang per vendor)")
    p.add_argument("--json", action="store_true")
    p = action("verify", cmd_verify, "check the report totals against the imported documents; exit 1 if they "
               "differ")
    p.add_argument("--repair", action="store_true", help="compute differing totals afresh from the documents")
    p.add_argument("--json", action="store_true")
    p = action("report", cmd_report, "report figures: --json, --pdf, --xlsx, --csv (several at once)",
               with_fair=False)
    p.add_argument("--fair", action="append", default=None, metavar="ID", help="fair id (repeat for several fairs in one report; "
                   "default: the only or newest fair)")
    p.add_argument("--from", dest="date_from", type=date_arg, default=None, metavar="DATE", help="first business date (default: the "
                   "fair's first day)")
    p.add_argument("--to", dest="date_to", type=date_arg, default=None, metavar="DATE", help="last business date (default: the fair's "
                   "last day)")
    p.add_argument("--json", action="store_true", help="print every figure as JSON (money in satang)")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="write the PDF report")
    p.add_argument("--xlsx", type=Path, metavar="FILE", help="write the XLSX workbook")
    p.add_argument("--csv", type=Path, metavar="DIR", help="write one CSV per breakdown into DIR")
    p.add_argument("--producer-sheets", type=Path, metavar="DIR", help="write one Thai PDF per vendor into DIR (what "
                   "sold by product, day and hour, the digital and scheme shares, the producer's link as a QR)")
    p.add_argument("--lang", choices=("th", "en"), default="th", help="language of the PDF, XLSX and CSV")
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many top products and vendors (default 10)")
