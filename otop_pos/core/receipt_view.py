"""What a receipt says, decided once for the thermal slip (``printing.receipt_layout``) and the A5/A4 page
(``reports.receipt_pdf``): the legal titles, the void/refund/copy marks and the wording of every row.

``receipt_view(doc, form)`` turns a ``ReceiptDoc`` into a ``ReceiptView`` of finished texts; the renderers
only place them. Titles (Revenue Code s.105 ทวิ receipt, s.86/6 abbreviated tax invoice):

- a sale: ใบเสร็จรับเงิน / RECEIPT, or ใบกำกับภาษีอย่างย่อ / ABBREVIATED TAX INVOICE with the VAT note when
  the vendor is VAT registered (``title_mode``);
- a void or refund: the slip keeps the form's title and adds a mark (ยกเลิก / คืนเงิน); the page names the
  document itself (ใบยกเลิกใบเสร็จรับเงิน, ใบคืนเงิน / รับคืนสินค้า); both point at the original number;
- a reprint says สำเนา / COPY.

The slip is narrow, so a few rows use shorter words than the page (``_PAGE`` lists where they differ).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from otop_pos.core.bahttext import baht_text, baht_text_en
from otop_pos.core.documents import ReceiptDoc
from otop_pos.core.money import format_baht
from otop_pos.core.thaidate import format_en_date, format_thai_date
from otop_pos.core.vocabulary import PAYMENT_METHOD, lang_of

__all__ = ["Form", "DocumentView", "ReceiptView", "PaymentView", "receipt_view", "receipt_words", "words_in",
           "COPY_MARK"]

Form = Literal["slip", "page"]
D = TypeVar("D")

#: The reprint mark, in both languages on every receipt.
COPY_MARK = "สำเนา / COPY"

# (Thai, English) wording of the slip; the page uses the same unless ``_PAGE`` says otherwise.
_SLIP: dict[str, tuple[str, str]] = {
    "receipt": ("ใบเสร็จรับเงิน", "RECEIPT"),
    "tax_invoice": ("ใบกำกับภาษีอย่างย่อ", "ABBREVIATED TAX INVOICE"),
    "vat_included": ("(รวมภาษีมูลค่าเพิ่มแล้ว)", "(VAT included)"),
    "void": ("ยกเลิก", "VOID"),
    "refund": ("คืนเงิน", "REFUND"),
    "copy": ("สำเนา", "COPY"),
    "ref": ("อ้างอิง", "Ref."),
    "ref_no": ("อ้างอิง", "Ref."),
    "shares": ("รัฐ {state} · ลูกค้า {customer}", "state {state} · customer {customer}"),
    "reason": ("เหตุผล:", "Reason:"),
    "tax_id": ("เลขประจำตัวผู้เสียภาษี", "Tax ID"),
    "booth": ("บูธ", "Booth"),
    "till": ("เครื่อง", "Till"),
    "number": ("เลขที่", "No."),
    "date": ("วันที่", "Date"),
    "cashier": ("พนักงาน", "Cashier"),
    "buyer": ("ผู้ซื้อ", "Buyer"),
    "address": ("ที่อยู่", "Address"),
    "buyer_tax_id": ("เลขผู้เสียภาษีผู้ซื้อ", "Buyer tax ID"),
    "no": ("ที่", "#"),
    "item": ("รายการ", "Description"),
    "qty": ("จำนวน", "Qty"),
    "unit": ("ราคาต่อหน่วย", "Unit price"),
    "discount": ("ส่วนลด", "Discount"),
    "amount": ("จำนวนเงิน", "Amount"),
    "subtotal": ("รวมเป็นเงิน", "Subtotal"),
    "sale_discount": ("ส่วนลดท้ายบิล", "Bill discount"),
    "total": ("รวมทั้งสิ้น", "TOTAL"),
    "total_void": ("ยอดที่ยกเลิก", "VOIDED TOTAL"),
    "total_refund": ("ยอดคืนเงิน", "REFUND TOTAL"),
    "received": ("จำนวนเงินที่ได้รับ", "Amount received"),
    "paid_back": ("จำนวนเงินที่คืน", "Amount refunded"),
    "tendered": ("รับเงิน", "Tendered"),
    "change": ("เงินทอน", "Change"),
    "items": ("จำนวนสินค้า {n} ชิ้น", "{n} item(s)"),
    "promptpay": ("สแกนจ่าย{method}", "{method}"),
    "promptpay_bad": ("(ตั้งค่าเลขพร้อมเพย์ไม่ถูกต้อง จึงไม่มีคิวอาร์)", "(PromptPay number is invalid: no QR)"),
    "sign": ("ลงชื่อ", "Signature"),
    "sign_sale": ("ผู้รับเงิน", "Received by"),
    "sign_void": ("ผู้ยกเลิก", "Voided by"),
    "sign_refund": ("ผู้คืนเงิน", "Refunded by"),
    "sign_refund_buyer": ("ผู้รับเงินคืน", "Refund received by"),
    "page": ("หน้า", "Page"),
    "deposit": ("ใบรับเงินมัดจำ", "DEPOSIT RECEIPT"),
    "order_no": ("ใบสั่งจอง", "Order"),
    "customer": ("ลูกค้า", "Customer"),
    "phone": ("โทร", "Phone"),
    "deliver_on": ("ส่งมอบวันที่", "Delivery date"),
    "order_value": ("มูลค่าสั่งจอง", "ORDER VALUE"),
    "deposit_paid": ("ชำระมัดจำ", "Deposit paid"),
    "balance": ("ค้างชำระเมื่อรับของ", "Balance due on delivery"),
    "delivers": ("ส่งมอบตามใบสั่งจอง", "Delivers order"),
    "deposit_earlier": ("มัดจำรับแล้ว", "deposit paid earlier"),
    "sign_deposit": ("ผู้รับเงินมัดจำ", "Deposit received by"),
}
_PAGE: dict[str, tuple[str, str]] = {
    "void": ("ใบยกเลิก" + _SLIP["receipt"][0], "VOID RECEIPT"),
    "refund": ("ใบคืนเงิน / รับคืนสินค้า", "REFUND RECEIPT"),
    "vat_included": ("(ราคารวมภาษีมูลค่าเพิ่มแล้ว)", "(VAT included)"),
    "ref": ("อ้างอิง" + _SLIP["receipt"][0] + "เลขที่", "Refers to receipt no."),
    "cashier": ("ผู้ขาย", "Cashier"),
    "buyer": ("ชื่อผู้ซื้อ", "Buyer"),
    "buyer_tax_id": ("เลขประจำตัวผู้เสียภาษีผู้ซื้อ", "Buyer tax ID"),
    "sale_discount": ("ส่วนลดท้ายบิล", "Discount"),
    "total": ("ยอดรวมทั้งสิ้น", "Total"),
    "total_void": ("ยอดที่ยกเลิก", "Amount voided"),
    "total_refund": ("ยอดคืนเงินทั้งสิ้น", "Total refunded"),
    "tendered": ("รับเงินสด", "Cash tendered"),
}
_TOTAL_KEY = {"sale": "total", "void": "total_void", "refund": "total_refund", "deposit": "order_value"}


def words_in(table: Mapping[str, tuple[str, str]], lang: str | None) -> dict[str, str]:
    """The Thai or English column of a (Thai, English) word table."""
    i = 1 if lang_of(lang) == "en" else 0
    return {k: v[i] for k, v in table.items()}


def receipt_words(form: Form, lang: str | None) -> dict[str, str]:
    """Every word of a receipt of ``form`` in ``lang`` ("th", else English), by key."""
    return words_in({**_SLIP, **_PAGE} if form == "page" else _SLIP, lang)


@dataclass(frozen=True)
class DocumentView(Generic[D]):
    """A document in one form and language with the words of its rows (base of the receipt and Z views)."""

    doc: D
    form: Form
    lang: str
    words: Mapping[str, str]

    def label(self, key: str) -> str:
        """The word for ``key`` in this view's form and language."""
        return self.words[key]


@dataclass(frozen=True)
class PaymentView:
    """One payment as shown: the method's name (the vocabulary's), amount, cash tendered and change."""

    method: str
    name: str
    amount_satang: int
    tendered_satang: int | None
    change_satang: int
    reference: str
    shares: str = ""   # a scheme's "รัฐ ฿100.00 · ลูกค้า ฿100.00", else ""


@dataclass(frozen=True)
class ReceiptView(DocumentView[ReceiptDoc]):
    """The finished texts of one receipt in one form; ``words`` holds the labels of the rows."""

    title: str  # the title of the document (the slip: the form's title; the page: void/refund named)
    vat_note: str  # "(รวมภาษีมูลค่าเพิ่มแล้ว)" under an abbreviated tax invoice title, else ""
    kind_mark: str  # the slip's ยกเลิก / คืนเงิน mark ("" for a sale, and on the page)
    reference: str  # "อ้างอิง R-…" pointing at the original of a void or refund, else ""
    reason: str  # "เหตุผล: …" of a void or refund, else ""
    copy_mark: str  # the reprint mark, "" for an original
    date: str
    total_label: str
    amount_words: str  # the total in words, e.g. "หนึ่งร้อยบาทถ้วน"
    item_count: str  # "จำนวนสินค้า 3 ชิ้น"
    payments: tuple[PaymentView, ...]
    received_label: str  # "จำนวนเงินที่ได้รับ" (a sale) or "จำนวนเงินที่คืน" (a void or refund)
    order_head: tuple[str, ...] = ()   # the order's number, customer, phone and delivery date (order receipts)
    order_foot: tuple[tuple[str, int], ...] = ()   # a deposit receipt's deposit paid and balance due


def _title(doc: ReceiptDoc, form: Form, w: Mapping[str, str]) -> tuple[str, str, str]:
    """(title, VAT note, kind mark) of ``doc``."""
    ati = doc.title_mode == "abbreviated_tax_invoice"
    if doc.kind == "deposit":   # money on account of a sale to come: no tax invoice yet
        return w["deposit"], "", ""
    form_title = w["tax_invoice"] if ati else w["receipt"]
    if form == "slip":
        mark = w[doc.kind] if doc.kind in ("void", "refund") else ""
        return form_title, w["vat_included"] if ati else "", mark
    if doc.kind in ("void", "refund"):
        return w[doc.kind], "", ""
    return form_title, w["vat_included"] if ati else "", ""


def receipt_view(doc: ReceiptDoc, form: Form) -> ReceiptView:
    """The texts of ``doc`` as the thermal ``"slip"`` or the A5/A4 ``"page"`` shows them."""
    lang = lang_of(doc.lang)
    w = receipt_words(form, lang)
    title, vat_note, mark = _title(doc, form, w)
    refers = doc.kind in ("void", "refund")
    reason_word = w["reason"].rstrip(":")
    if lang == "en":
        date = format_en_date(doc.issued_at)
    else:
        date = format_thai_date(doc.issued_at, short=form == "slip")
    amount = abs(doc.total_satang)
    count = doc.item_count or sum(ln.qty for ln in doc.lines)
    order = doc.order
    earlier = order.number if order is not None and order.delivered else None
    payments = tuple(PaymentView(p.method, (p.name or PAYMENT_METHOD.name(p.method, lang))
                                 + (f" ({w['deposit_earlier']})" if p.reference == earlier else ""),
                                 p.amount_satang, p.tendered_satang, p.change_satang,
                                 "" if p.reference == earlier else p.reference,
                                 w["shares"].format(state="฿" + format_baht(p.state_satang),
                                                    customer="฿" + format_baht(p.amount_satang - p.state_satang))
                                 if p.scheme or p.state_satang else "")
                     for p in doc.payments)
    head: tuple[str, ...] = ()
    foot: tuple[tuple[str, int], ...] = ()
    if order is not None:
        when = format_en_date(order.deliver_on) if lang == "en" else format_thai_date(order.deliver_on,
                                                                                       short=form == "slip")
        head = (f"{w['delivers'] if order.delivered else w['order_no']} {order.number}",
                f"{w['customer']} {order.customer}" + (f"  {w['phone']} {order.phone}" if order.phone else ""),
                f"{w['deliver_on']} {when}")
        if not order.delivered:
            foot = ((w["deposit_paid"], order.deposit_satang), (w["balance"], order.balance_satang))
    copy_mark = ""
    if doc.copy:
        copy_mark = COPY_MARK if form == "slip" or lang == "th" else w["copy"]
    return ReceiptView(
        doc=doc, form=form, lang=lang, words=w, title=title, vat_note=vat_note, kind_mark=mark,
        reference=f"{w['ref']} {doc.original_number}" if refers and doc.original_number else "",
        reason=f"{reason_word}: {doc.reason}" if refers and doc.reason else "",
        copy_mark=copy_mark, date=date, total_label=w[_TOTAL_KEY[doc.kind]],
        amount_words=baht_text_en(amount) if lang == "en" else baht_text(amount),
        item_count=w["items"].format(n=f"{count:,}"), payments=payments,
        received_label=w["received"] if doc.kind in ("sale", "deposit") else w["paid_back"],
        order_head=head, order_foot=foot,
    )
