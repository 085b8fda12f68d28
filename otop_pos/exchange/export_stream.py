"""Reading a booth export in bounded memory (the organiser's import of large files).

The checks of ``export_format.read_export``, with the same reasons and messages: signature, member sizes and
SHA-256 (every member hashed a chunk at a time before any is parsed, and hashed again while it is parsed),
strict CSV, limits, consistency, counts and totals, hash chain. The small members (voids, refunds, refund
lines, days) are read whole first; the large ones (sales, lines, payments) are parsed row by row from the zip
and handed on in batches of sales with their lines and payments. Of those only compact columns are kept (each
document's hash and UUID by seq, 48 bytes), a 64-bit fingerprint of every UUID and number, and what the void
and refund checks need of the few sales they name. Problems other than CSV ones are reported when the last
batch has passed, in ``read_export``'s order, so the caller keeps nothing it received until then.

It reads the layout the booth writes: sales in seq order, each sale's lines and payments listed together in
the order of the sales. A file laid out otherwise (the format allows it, no booth writes it), or with a
repeated fingerprint, raises ``NotStreamable``: the caller then reads it with ``read_export``.
"""
from __future__ import annotations

import io
from array import array
import uuid as uuidlib
from collections import namedtuple
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from operator import attrgetter
from pathlib import Path
from types import TracebackType
from typing import Any, overload

from otop_pos.core.chain import GENESIS, chain_hash, chain_payment, refund_doc, sale_doc, void_doc
from otop_pos.core.errors import ImportRefused
from otop_pos.exchange import export_rows as R
from otop_pos.exchange.export_format import (
    check_member_hashes, file_sha256, member_altered, open_verified, totals_differ,
)
from otop_pos.exchange.export_model import MEMBER_ADDED_IN, ExportData, ExportVoid, members_of
from otop_pos.exchange.export_orders import check_orders, verify_order_chain

__all__ = ["NotStreamable", "ExportStream", "HashColumn", "UuidColumn", "Group"]

#: One sale with its lines and payments, as rows with the member's columns as attributes.
Group = tuple[Any, list[Any], list[Any]]


#: The members parsed row by row in batches; every other member is small and read whole when the file is opened
#: (``SMALL``, in file order: voids, refunds, refund lines, days, then the orders' four).
LARGE = ("sales.csv", "lines.csv", "payments.csv")
SMALL = tuple(m for m in R.MEMBER_ORDER if m not in LARGE)


class NotStreamable(Exception):
    """The file is not in the layout the booth writes: read it with ``read_export``."""


def _row_type(member: str) -> Any:
    cls, _attr, cols = R.TABLES[member]
    return namedtuple(cls.__name__ + "Row", [c for c, _ in cols])  # type: ignore[misc]


_SALE, _LINE, _PAY = (_row_type(m) for m in LARGE)


class _Column(Sequence[str]):
    """Strings of one fixed form kept as raw bytes, ``width`` each; reads give the text back exactly."""

    width = 0

    def __init__(self) -> None:
        self._buf = bytearray()

    def append(self, text: str) -> None:
        """Add ``text`` at the end."""
        self._buf += self._pack(text)

    def __len__(self) -> int:
        return len(self._buf) // self.width

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        return self._unpack(bytes(self._buf[i * self.width:(i + 1) * self.width]))

    def fingerprints(self) -> list[int]:
        """The first 8 bytes of each string's raw form, as numbers."""
        return [int.from_bytes(self._buf[k:k + 8], "little") for k in range(0, len(self._buf), self.width)]

    def __iter__(self) -> Iterator[str]:
        w, unpack = self.width, self._unpack
        for k in range(0, len(self._buf), w):
            yield unpack(bytes(self._buf[k:k + w]))

    def _pack(self, text: str) -> bytes:
        raise NotImplementedError

    def _unpack(self, raw: bytes) -> str:
        raise NotImplementedError


class HashColumn(_Column):
    """SHA-256 hex digests (lower case, as the export holds them), 32 bytes each."""

    width = 32

    def _pack(self, text: str) -> bytes:
        return bytes.fromhex(text)

    def _unpack(self, raw: bytes) -> str:
        return raw.hex()


class UuidColumn(_Column):
    """UUIDs in their canonical lower-case text (as the export holds them), 16 bytes each."""

    width = 16

    def _pack(self, text: str) -> bytes:
        return uuidlib.UUID(text).bytes

    def _unpack(self, raw: bytes) -> str:
        return str(uuidlib.UUID(bytes=raw))


class ExportStream:
    """An export opened for streaming: ``manifest``, ``sha256``, ``size`` and the small members are ready at
    once; ``batches`` then yields the sales and checks everything. Use as a context manager."""

    def __init__(self, path: Path | str, public_key_pem: str) -> None:
        self.path = Path(path)
        self._z, self.manifest, doc = open_verified(self.path, public_key_pem)
        self.version = self.manifest.version
        try:
            check_member_hashes(self._z, self.manifest)
            self.sha256, self.size = file_sha256(self.path)
            self._sha = {name: sha for name, sha, _ in self.manifest.members}
            self.identity = {k: doc[k] for k in ("booth_code", "till_no", "till_uuid", "vendor_code", "fair_id",
                                                 "key_id")}
            small: dict[str, tuple[Any, ...]] = {}
            for m in members_of(SMALL, self.version):
                try:
                    small[m] = tuple(R.TABLES[m][0](*v) for v in R.member_values(m, self._text(m), self.version))
                except ImportRefused as exc:
                    raise self._first_problem(m, exc, {}) from None
            self.voids, self.refunds, self.refund_lines, self.days = (small[m] for m in SMALL[:4])
            self.orders = {R.TABLES[m][1]: small.get(m, ()) for m in SMALL[4:]}
        except BaseException:
            self._z.close()
            raise
        self.hashes, self.uuids = HashColumn(), UuidColumn()
        #: business date → (index, number) of the first sale of that date, in file order
        self.first_sale_on: dict[date, tuple[int, str]] = {}
        self.sales = self.lines = self.payments = 0
        self._wanted = {v.sale_uuid for v in self.voids} | {r.sale_uuid for r in self.refunds} | {
            rl.sale_uuid for rl in self.refund_lines} | {
            e.sale_uuid for e in self.orders["order_events"] if e.sale_uuid}
        self.wanted_index: dict[str, int] = {}  # sale uuid named by a void or refund → its index in the file
        self._wanted_total: dict[str, int] = {}
        self._wanted_date: dict[str, date] = {}
        self._wanted_qtys: dict[str, list[int]] = {}
        self._numbers = array("q")  # a fingerprint of each sale's number
        self._sums = [0, 0]  # sales, payments (satang)
        self._line_error: ImportRefused | None = None
        self._sale_error: ImportRefused | None = None
        self._chain_error: ImportRefused | None = None
        self._bounds: dict[int, tuple[Any, Any, int]] = {}  # BOUNDS entry → (row, its sale, the sale's index)
        self._pos, self._prev = 0, GENESIS
        self._refund_lines: dict[str, list[tuple[int, int, int]]] = {}
        for rl in self.refund_lines:
            self._refund_lines.setdefault(rl.refund_uuid, []).append((rl.line_no, rl.qty, rl.amount_satang))

    def order_data(self, **members: Any) -> ExportData:
        """An ExportData of the file's identity, days and orders (and ``members``: other rows to name)."""
        rows: dict[str, Any] = {"sales": (), "lines": (), "payments": (), "voids": (), "refunds": (),
                                "refund_lines": (), "days": self.days, **self.orders, **members}
        return ExportData(**self.identity, **rows)

    def close(self) -> None:
        """Close the file."""
        self._z.close()

    def __enter__(self) -> ExportStream:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # --- reading ------------------------------------------------------------------------------------------

    def _text(self, member: str) -> Iterator[str]:
        """The lines of ``member``'s text after its BOM, read from the zip; its SHA-256 checked at its end."""
        raw = self._z.open_stored(member)
        buffered = io.BufferedReader(raw, 1 << 18)
        if buffered.read(len(R.BOM)) != R.BOM:
            raise R.not_bom(member)
        try:
            yield from io.TextIOWrapper(buffered, encoding="utf-8", errors="strict", newline="")
        except UnicodeDecodeError:
            raise R.not_utf8(member) from None
        if raw.sha256.hexdigest() != self._sha[member]:
            raise member_altered(member)  # the file changed since its members were hashed

    def _rows(self, member: str, make: Callable[[list[Any]], Any]) -> Iterator[Any]:
        return map(make, R.member_values(member, self._text(member), self.version))

    def _first_problem(self, member: str, exc: ImportRefused, reading: dict[str, Iterator[Any]]) -> ImportRefused:
        """The problem ``read_export`` names when ``member`` has ``exc``: the first one of the members before
        it in file order (it parses them whole first). ``reading``: those being read, from where they are;
        the others are read from their start. Only their CSV is read; nothing of them is kept."""
        for earlier in R.MEMBER_ORDER[:R.MEMBER_ORDER.index(member)]:
            rows = reading.get(earlier)
            if rows is None:
                if earlier not in LARGE:
                    continue  # a small member, read whole before: no problem
                rows = R.member_values(earlier, self._text(earlier), self.version)
            try:
                for _row in rows:
                    pass
            except ImportRefused as first:
                return first
        return exc

    def _next(self, rows: Iterator[Any], member: str, reading: dict[str, Iterator[Any]]) -> Any:
        """The next row of ``rows`` (None at the end); a problem there is named as ``read_export`` would."""
        try:
            return next(rows, None)
        except ImportRefused as exc:
            raise self._first_problem(member, exc, reading) from None

    def batches(self, size: int) -> Iterator[list[Group]]:
        """The sales in file (= seq) order with their lines and payments, ``size`` sales a batch. When the
        last batch has been taken every check has passed; ImportRefused or NotStreamable otherwise."""
        sales_rows = self._rows("sales.csv", _SALE._make)
        lines, pays = self._rows("lines.csv", _LINE._make), self._rows("payments.csv", _PAY._make)
        reading = {"sales.csv": sales_rows, "lines.csv": lines}
        line, pay = self._next(lines, "lines.csv", reading), self._next(pays, "payments.csv", reading)
        others = sorted([*self.voids, *self.refunds], key=attrgetter("seq"))
        k, last_seq, index = 0, 0, 0
        batch: list[Group] = []
        for s in sales_rows:
            if s.seq <= last_seq:
                raise NotStreamable("sales out of seq order")
            last_seq = s.seq
            uuid = s.uuid
            ls = []
            while line is not None and line.sale_uuid == uuid:
                ls.append(line)
                line = self._next(lines, "lines.csv", reading)
            ps = []
            while pay is not None and pay.sale_uuid == uuid:
                ps.append(pay)
                pay = self._next(pays, "payments.csv", reading)
            if not ls:
                raise NotStreamable("lines not grouped by sale")
            while k < len(others) and others[k].seq < s.seq:
                self._other(others[k])
                k += 1
            self._sale(index, s, ls, ps)
            index += 1
            batch.append((s, ls, ps))
            if len(batch) >= size:
                self._check_bounds(batch, index - len(batch))
                yield batch
                batch = []
        if line is not None or pay is not None:
            raise NotStreamable("lines or payments not grouped by sale")
        for other in others[k:]:
            self._other(other)
        if batch:
            self._check_bounds(batch, index - len(batch))
            yield batch
        self._finish()

    # --- checks as rows pass ------------------------------------------------------------------------------

    def _check_unique(self) -> None:
        """No UUID (of a document or day) and no document number twice: 64-bit fingerprints sorted once the
        last batch has passed (``NotStreamable`` on a repeat, so ``read_export`` names it, or a collision)."""
        days = [int.from_bytes(uuidlib.UUID(d.uuid).bytes[:8], "little") for d in self.days]
        for keys in (self.uuids.fingerprints() + days,
                     [*self._numbers, *(hash(d.number) for d in (*self.voids, *self.refunds))]):
            keys.sort()
            if any(a == b for a, b in zip(keys, keys[1:])):
                raise NotStreamable("a repeated UUID or number (or a fingerprint collision)")

    def _sale(self, index: int, s: Any, ls: list[Any], ps: list[Any]) -> None:
        self._numbers.append(hash(s.number))
        if s.business_date not in self.first_sale_on:
            self.first_sale_on[s.business_date] = (index, s.number)
        self.sales += 1
        self.lines += len(ls)
        self.payments += len(ps)
        self._sums[0] += s.total_satang
        self._sums[1] += sum(p.amount_satang for p in ps)
        if self._line_error is None:
            for ln in ls:
                if not R.line_adds_up(ln):
                    self._line_error = R.inconsistent(
                        "ยอดรายการไม่ถูกต้อง", f"line {ln.line_no} of sale {ln.sale_uuid} does not add up.")
                    break
        if self._sale_error is None:
            if [ln.line_no for ln in ls] != list(range(1, len(ls) + 1)):
                self._sale_error = R.inconsistent(f"บิล {s.number} รายการไม่ครบ",
                                                  f"sale {s.number} has missing or repeated lines.")
            elif (not R.bill_adds_up(ls, s) or sum(p.amount_satang for p in ps) != s.total_satang or s.paid_satang != s.total_satang
                  or sum(p.change_satang for p in ps) != s.change_satang):
                self._sale_error = R.inconsistent(f"ยอดบิล {s.number} ไม่ตรงกับรายการหรือการชำระ",
                                                  f"sale {s.number}: lines or payments do not add up to its total.")
        if s.uuid in self._wanted:
            self.wanted_index.setdefault(s.uuid, index)
            self._wanted_total[s.uuid] = s.total_satang
            self._wanted_date[s.uuid] = s.business_date
            self._wanted_qtys[s.uuid] = [ln.qty for ln in ls]
        self._link(s.seq, s.number, s.prev_hash, s.hash, s.uuid, lambda: sale_doc(
            uuid=s.uuid, seq=s.seq, number=s.number, at=R.utc_text(s.created_at), total=s.total_satang,
            discount=s.sale_discount_satang,
            lines=[(ln.sku, ln.qty, ln.unit_price_satang, ln.discount_satang, ln.net_satang)
                   for ln in sorted(ls, key=attrgetter("line_no"))],
            payments=[chain_payment(p.method, p.amount_satang, p.reference, p.state_satang) for p in ps]))

    def _other(self, d: Any) -> None:
        """A void or refund, in its place in the chain."""
        if isinstance(d, ExportVoid):
            self._link(d.seq, d.number, d.prev_hash, d.hash, d.uuid, lambda: void_doc(
                uuid=d.uuid, seq=d.seq, number=d.number, at=R.utc_text(d.created_at), sale=d.sale_uuid,
                amount=d.amount_satang, reason=d.reason))
        else:
            self._link(d.seq, d.number, d.prev_hash, d.hash, d.uuid, lambda: refund_doc(
                uuid=d.uuid, seq=d.seq, number=d.number, at=R.utc_text(d.created_at), sale=d.sale_uuid,
                amount=d.amount_satang, method=d.method, reason=d.reason,
                lines=self._refund_lines.get(d.uuid, [])))

    def _link(self, seq: int, number: str, prev_hash: str, digest: str, uuid: str,
              doc: Callable[[], dict[str, Any]]) -> None:
        """The next document in seq order (sales, voids and refunds merged as ``verify_chain`` sorts them)."""
        self._pos += 1
        if self._chain_error is None:
            if seq != self._pos:
                self._chain_error = R.chain_gap(self._pos, number)
            elif prev_hash != self._prev or chain_hash(self._prev, doc()) != digest:
                self._chain_error = R.chain_break(number)
        self._prev = digest
        self.hashes.append(digest)
        self.uuids.append(uuid)

    def _check_bounds(self, batch: list[Group], first: int) -> None:
        """Keep, per bound of ``export_rows.BOUNDS`` on sales, lines and payments, its first row beyond it
        (with its position among its member's rows, its sale and the sale's index)."""
        rows = {"sales": [(s, s, first + j) for j, (s, _ls, _ps) in enumerate(batch)],
                "lines": [(x, s, first + j) for j, (s, ls, _ps) in enumerate(batch) for x in ls],
                "payments": [(x, s, first + j) for j, (s, _ls, ps) in enumerate(batch) for x in ps]}
        for i, (attr, name, limit, _kind, _th, _en) in enumerate(R.BOUNDS):
            if attr not in rows or i in self._bounds:
                continue
            get = attrgetter(name)
            if max(filter(None, (get(r) for r, _s, _n in rows[attr])), default=0) > limit:
                self._bounds[i] = next(x for x in rows[attr] if (get(x[0]) or 0) > limit)

    # --- after the last batch -----------------------------------------------------------------------------

    def _finish(self) -> None:
        """The checks that need the whole file, in ``read_export``'s order."""
        found = list(self._bounds.values())  # beyond a bound: the rows, their sales (all in file order below)
        sales = {n: sale for _r, sale, n in found}
        tiny = ExportData(
            **self.identity, sales=tuple(sales[n] for n in sorted(sales)),
            lines=tuple(r for r, _s, _n in sorted((x for x in found if isinstance(x[0], _LINE)),
                                                  key=lambda x: (x[2], x[0].line_no))),
            payments=tuple(r for r, _s, _n in sorted((x for x in found if isinstance(x[0], _PAY)),
                                                     key=lambda x: x[2])),
            voids=self.voids, refunds=self.refunds, refund_lines=self.refund_lines, days=self.days)
        R.check_bounds(tiny, self.path.name)
        self._check_unique()
        self._check_dates()
        for error in (self._line_error, self._sale_error):
            if error is not None:
                raise error
        self._check_voids_and_refunds()
        orders = self.order_data()
        check_orders(orders, {u: (t, self._wanted_date[u]) for u, t in self._wanted_total.items()},
                     {d.business_date for d in self.days})
        counts = {"sales": self.sales, "lines": self.lines, "payments": self.payments, "voids": len(self.voids),
                  "refunds": len(self.refunds), "refund_lines": len(self.refund_lines), "days": len(self.days)}
        if self.version >= MEMBER_ADDED_IN["orders.csv"]:
            counts.update({k: len(v) for k, v in self.orders.items()})
        voids = sum(v.amount_satang for v in self.voids)
        refunds = sum(r.amount_satang for r in self.refunds)
        totals = {"sales_satang": self._sums[0], "voids_satang": voids, "refunds_satang": refunds,
                  "net_satang": self._sums[0] - voids - refunds, "payments_satang": self._sums[1]}
        if self.manifest.counts != counts or self.manifest.totals != totals:
            raise totals_differ()
        if self._chain_error is not None:
            raise self._chain_error
        verify_order_chain(orders)

    def _check_dates(self) -> None:
        day_dates = {d.business_date for d in self.days}
        missing = [x for d, x in self.first_sale_on.items() if d not in day_dates]
        if missing:
            number = min(missing)[1]
            raise R.inconsistent(f"เอกสาร {number} ไม่มีวันขาย", f"document {number} has no till day.")
        for d in (*self.voids, *self.refunds):
            if d.business_date not in day_dates:
                raise R.inconsistent(f"เอกสาร {d.number} ไม่มีวันขาย", f"document {d.number} has no till day.")

    def _check_voids_and_refunds(self) -> None:
        """As ``check_consistency`` does, with what was kept of the sales they name."""
        totals, qtys = self._wanted_total, self._wanted_qtys
        voided: set[str] = set()
        for v in self.voids:
            if v.sale_uuid not in totals or v.sale_uuid in voided or v.amount_satang != totals[v.sale_uuid]:
                raise R.inconsistent(f"การยกเลิก {v.number} ไม่ถูกต้อง", f"void {v.number} does not match its sale.")
            voided.add(v.sale_uuid)
        refunds = {r.uuid: r for r in self.refunds}
        per_refund: dict[str, int] = {}
        refunded_qty: dict[tuple[str, int], int] = {}
        for rl in self.refund_lines:
            r = refunds.get(rl.refund_uuid)
            if r is None or r.sale_uuid != rl.sale_uuid:
                raise R.inconsistent("รายการคืนเงินไม่มีเอกสารคืนเงิน", "a refund line points at no refund of its sale.")
            ls = qtys.get(rl.sale_uuid, [])
            if rl.line_no > len(ls):
                raise R.inconsistent("รายการคืนเงินไม่มีในบิล", f"refund {r.number} names a line the sale does not have.")
            key = (rl.sale_uuid, rl.line_no)
            refunded_qty[key] = refunded_qty.get(key, 0) + rl.qty
            if refunded_qty[key] > ls[rl.line_no - 1]:
                raise R.inconsistent("คืนสินค้าเกินจำนวนที่ขาย", f"refund {r.number} gives back more than was sold.")
            per_refund[rl.refund_uuid] = per_refund.get(rl.refund_uuid, 0) + rl.amount_satang
        for r in self.refunds:
            if r.sale_uuid not in totals or r.sale_uuid in voided or per_refund.get(r.uuid) != r.amount_satang:
                raise R.inconsistent(f"การคืนเงิน {r.number} ไม่ถูกต้อง", f"refund {r.number} does not match its sale.")

