"""``otop-pos promptpay``: the PromptPay payload (and QR files once the printing issue lands)."""
from __future__ import annotations

import argparse
from typing import Any

from otop_pos.core.money import parse_baht
from otop_pos.core.promptpay import promptpay_payload


def cmd_promptpay(args: argparse.Namespace) -> int:
    amount = parse_baht(args.amount) if args.amount else None
    print(promptpay_payload(args.target, amount))
    return 0


def register(sub: Any) -> None:
    """Add the printing-related commands."""
    p = sub.add_parser("promptpay", help="PromptPay QR payload for a mobile number or ID")
    p.add_argument("target")
    p.add_argument("--amount")
    p.set_defaults(handler=cmd_promptpay)
