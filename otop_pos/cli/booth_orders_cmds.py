"""``otop-pos booth order take|deliver|cancel`` and ``otop-pos booth orders [--json]``: orders at the booth."""
from __future__ import annotations

import argparse
import os
from typing import Any

from otop_pos.cli.common import booth_service, date_arg, dump_json, print_now, show
from otop_pos.core.errors import InputError
from otop_pos.core.money import format_baht, parse_baht


def _pin(args: argparse.Namespace) -> str:
    pin = getattr(args, "pin", None) or os.environ.get("OTOP_POS_PIN")
    if not pin:
        raise InputError("ต้องระบุรหัสเจ้าของร้านด้วย --pin หรือ OTOP_POS_PIN",
                         "Give the manager PIN with --pin or OTOP_POS_PIN.")
    return str(pin)


def _item(text: str) -> tuple[str, int]:
    from otop_pos.core.digits import normalize_digits

    sku, sep, qty = normalize_digits(text).rpartition("=")
    if not sep or not sku.strip() or not qty.strip().isdigit() or int(qty) < 1:
        raise argparse.ArgumentTypeError(f"expected SKU=QTY (a whole number from 1), not {text!r}")
    return sku.strip(), int(qty)


def _cart(service: Any, items: list[tuple[str, int]]) -> Any:
    from otop_pos.booth.service import Cart

    index = service.catalogue()
    cart = Cart()
    for sku, qty in items:
        product = index.lookup(sku)
        if product is None:
            raise InputError(f"ไม่พบสินค้ารหัส {sku}", f"No product with the SKU {sku!r}.")
        cart = cart.add(product, qty)
    return cart


def _payments(service: Any, amount: int, args: argparse.Namespace) -> list[Any]:
    """The one part that pays ``amount`` by ``--method``: a scheme's state share as the slip says
    (``--state-share``) or as proposed (a state card: the whole; a co-payment: its percent)."""
    from otop_pos.booth.service import PaymentIn
    from otop_pos.core.methods import method_code, proposed_state_share

    if amount == 0:
        return []
    if not args.method:
        raise InputError("ต้องระบุ --method วิธีชำระเงิน", "Give --method (how the money is paid).")
    code = method_code(args.method)
    spec = next((m for m in service.payment_methods() if m.code == code), None)
    state = 0 if spec is None else proposed_state_share(spec, amount)
    if args.state_share is not None:
        state = parse_baht(args.state_share)
    return [PaymentIn(code, amount, reference=args.reference or "", state_satang=state)]


def cmd_take(args: argparse.Namespace) -> int:
    service = booth_service()
    deposit = parse_baht(args.deposit)
    res = service.take_order(_cart(service, args.item), customer=args.customer, phone=args.phone or "",
                             deliver_on=args.deliver, note=args.note or "", deposit_satang=deposit,
                             payments=_payments(service, deposit, args))
    show(f"รับสั่งจอง {res.number} มูลค่า {format_baht(res.value_satang)} มัดจำ {format_baht(res.deposit_satang)} "
         f"ค้างชำระ {format_baht(res.balance_satang)} ส่งมอบ {args.deliver.isoformat()}\n"
         f"Order {res.number} taken: value {format_baht(res.value_satang)}, deposit "
         f"{format_baht(res.deposit_satang)}, balance {format_baht(res.balance_satang)}, "
         f"delivery {args.deliver.isoformat()}")
    print_now(service, service.newest_print_job("deposit"), "ใบรับเงินมัดจำ", "deposit receipt")
    return 0


def cmd_deliver(args: argparse.Namespace) -> int:
    service = booth_service()
    from otop_pos.core.digits import normalize_digits

    number = normalize_digits(args.number).strip()
    open_ = {o.number: o for o in service.orders(status="open")}
    balance = open_[number].balance_satang if number in open_ else 0
    res = service.deliver_order(number, _payments(service, balance, args))
    show(f"ส่งมอบ {res.number} แล้ว เป็นบิลขาย {res.sale_number} รับชำระส่วนที่เหลือ {format_baht(res.paid_now_satang)}\n"
         f"Order {res.number} delivered as sale {res.sale_number}; balance paid {format_baht(res.paid_now_satang)}")
    print_now(service, service.newest_print_job("sale"), "ใบเสร็จส่งมอบ", "delivery receipt")
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    res = booth_service().cancel_order(args.number, _pin(args), refund_deposit=args.refund_deposit)
    back = -res.paid_now_satang
    show(f"ยกเลิกใบสั่งจอง {res.number} แล้ว คืนมัดจำ {format_baht(back)} "
         f"เก็บมัดจำไว้ {format_baht(res.deposit_satang - back)}\n"
         f"Order {res.number} cancelled: deposit refunded {format_baht(back)}, "
         f"kept {format_baht(res.deposit_satang - back)}")
    return 0


def cmd_orders(args: argparse.Namespace) -> int:
    rows = booth_service().orders(status=args.status)
    if args.json:
        dump_json([{"number": o.number, "customer": o.customer, "phone": o.phone, "status": o.status,
                    "value_satang": o.value_satang, "deposit_satang": o.deposit_satang,
                    "balance_satang": o.balance_satang, "deliver": o.deliver.isoformat(), "note": o.note,
                    "sale_number": o.sale_number} for o in rows])
        return 0
    for o in rows:
        show(f"{o.number:<16} {o.deliver.isoformat()}  {o.status:<9} {format_baht(o.value_satang):>12} "
             f"{format_baht(o.deposit_satang):>12} {format_baht(o.balance_satang):>12}  {o.customer} {o.phone}")
    return 0


def register(booth: Any) -> None:
    """Add ``order take|deliver|cancel`` and ``orders`` to the ``booth`` command group."""
    order = booth.add_parser("order", help="orders taken for later delivery").add_subparsers(
        dest="order_cmd", metavar="ACTION", required=True)
    p = order.add_parser("take", help="take an order with a deposit (money of today, not a sale)")
    p.add_argument("--item", type=_item, action="append", required=True, metavar="SKU=QTY")
    p.add_argument("--customer", required=True, help="the customer's name (stays at the booth)")
    p.add_argument("--phone", help="the customer's phone (stays at the booth)")
    p.add_argument("--deliver", type=date_arg, required=True, help="delivery date, YYYY-MM-DD (or พ.ศ.)")
    p.add_argument("--note")
    p.add_argument("--deposit", required=True, help="deposit in baht (0 … the order's value)")
    p.add_argument("--method", help="payment method code of the deposit (booth methods)")
    p.add_argument("--reference", help="slip or transfer reference")
    p.add_argument("--state-share", help="a scheme's state share in baht, as its slip says (default: proposed)")
    p.set_defaults(handler=cmd_take)
    p = order.add_parser("deliver", help="deliver an order: the balance paid now, the order becomes a sale")
    p.add_argument("number")
    p.add_argument("--method", help="payment method code of the balance (not needed when nothing is due)")
    p.add_argument("--reference", help="slip or transfer reference")
    p.add_argument("--state-share", help="a scheme's state share in baht, as its slip says (default: proposed)")
    p.set_defaults(handler=cmd_deliver)
    p = order.add_parser("cancel", help="cancel an open order (manager PIN)")
    p.add_argument("number")
    p.add_argument("--refund-deposit", action="store_true", help="give the deposit back (default: keep it)")
    p.add_argument("--pin", help="manager PIN (or OTOP_POS_PIN)")
    p.set_defaults(handler=cmd_cancel)
    p = booth.add_parser("orders", help="the booth's orders (customer, what is due, delivery date)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--status", choices=("open", "delivered", "cancelled"))
    p.set_defaults(handler=cmd_orders)
