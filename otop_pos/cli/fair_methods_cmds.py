"""``otop-pos fair methods``: the fair's payment methods — list (``--json``), ``add``, ``set``, ``remove``."""
from __future__ import annotations

import argparse
from typing import Any

from otop_pos.cli.common import dump_json, show
from otop_pos.core.errors import InputError
from otop_pos.core.money import format_baht


def _percent(text: str) -> int:
    """An argparse type for the state's share: a whole percent, Thai digits and a trailing "%" accepted."""
    from otop_pos.core.digits import normalize_digits

    body = normalize_digits(text).strip().removesuffix("%").strip()
    if not body.isdigit():
        raise argparse.ArgumentTypeError(f"not a whole percent: {text!r}")
    return int(body)


def _baht(text: str) -> int:
    """An argparse type for an amount in baht, as satang."""
    from otop_pos.core.money import parse_baht

    try:
        return parse_baht(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.en) from exc


def method_line(m: Any) -> str:
    """One method as a line: code, kind, the state's share, the daily cap, Thai / English name."""
    share = f"{m.state_percent}%" if m.kind != "plain" else ""
    cap = f"≤ ฿{format_baht(m.daily_cap_satang)}/วัน·day" if m.daily_cap_satang is not None else ""
    return f"{m.code:<16} {m.kind:<6} {share:>5} {cap:<22} {m.name_th} / {m.name_en}"


def cmd_methods(args: argparse.Namespace, store: Any) -> int:
    """List the fair's methods, or run ``add``/``set``/``remove``."""
    from otop_pos.fair import methods

    action = getattr(args, "methods_cmd", None)
    if action == "add":
        m = methods.add_method(store, args.fair, args.code, name_th=args.name_th, name_en=args.name_en,
                               kind=args.kind, state_percent=args.state_percent, daily_cap_satang=args.daily_cap)
        show(f"เพิ่มวิธีชำระเงิน {m.code} ({m.name_th})\nPayment method {m.code} ({m.name_en}) added")
        return 0
    if action == "set":
        m = methods.set_method(store, args.fair, args.code, name_th=args.name_th, name_en=args.name_en,
                               kind=args.kind, state_percent=args.state_percent, daily_cap_satang=args.daily_cap,
                               clear_cap=args.no_daily_cap)
        show(f"แก้ไขวิธีชำระเงิน {m.code} ({m.name_th})\nPayment method {m.code} ({m.name_en}) changed")
        return 0
    if action == "remove":
        r = methods.remove_method(store, args.fair, args.code)
        show(f"ลบวิธีชำระเงิน {r.code} ({r.name_th})\nPayment method {r.code} ({r.name_en}) removed")
        return 0
    listed = methods.list_methods(store, args.fair)
    if getattr(args, "json", False):
        dump_json([m.as_json() for m in listed])
        return 0
    for m in listed:
        show(method_line(m))
    return 0


def register_methods(p: argparse.ArgumentParser, db_help: str) -> None:
    """Add ``add``/``set``/``remove`` under ``fair methods`` (``--db`` and ``--fair`` accepted at either level)."""
    p.add_argument("--json", action="store_true", help="the methods as JSON: code, name_th, name_en, kind, "
                   "state_percent, daily_cap_satang (satang; null: no cap)")
    sub = p.add_subparsers(dest="methods_cmd", metavar="ACTION")

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        q = sub.add_parser(name, help=help_text)
        q.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
        q.add_argument("--fair", default=argparse.SUPPRESS, help="fair id (default: the only or newest fair)")
        q.add_argument("code", metavar="CODE", help="the method's code: a-z, 0-9, _ (16 at most)")
        return q

    for name, help_text in (("add", "add a payment method or scheme to the fair"),
                            ("set", "change a payment method (what is not given stays)")):
        q = action(name, help_text)
        adding = name == "add"
        q.add_argument("--name-th", required=adding, default=None, help="Thai name")
        q.add_argument("--name-en", required=adding, default=None, help="English name")
        q.add_argument("--kind", choices=("plain", "copay", "state"), required=adding, default=None,
                       help="plain, copay (a co-payment scheme) or state (wholly state-funded)")
        q.add_argument("--state-percent", type=_percent, default=None, metavar="P",
                       help="the state's share in percent (copay: 1–99; state: 100)")
        q.add_argument("--daily-cap", type=_baht, default=None, metavar="BAHT",
                       help="the state's share a customer may use a day, in baht (shown at the booth, not enforced)")
        if not adding:
            q.add_argument("--no-daily-cap", action="store_true", help="remove the daily cap")
        else:
            q.set_defaults(no_daily_cap=False)
    action("remove", "remove a method the fair defined (refused while an imported document uses it)")
