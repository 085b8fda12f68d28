"""The booth export: round trip, cumulative exports, and refusal of tampered, foreign, truncated or forged files
before any CSV member is parsed."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import random
import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from otop_pos.booth.export import build_export, export_booth
from otop_pos.booth.package_setup import setup_from_package
from otop_pos.booth.simulate import simulate
from otop_pos.booth.store import open_booth_store
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import ImportRefused
from otop_pos.exchange import export_format, export_rows
from otop_pos.exchange.export_format import (
    EXPORT_FORMAT, EXPORT_VERSION, ExportData, read_export, read_export_manifest, verify_chain, write_export,
)
from otop_pos.exchange.keys import generate_keypair, key_id_of, verify
from otop_pos.exchange.package_format import write_package
from tests.exchange.helpers import make_package, members_of, rezip, write

PIN = "1234"
EARLY = {"not_zip", "truncated", "corrupt", "format", "version", "signature", "wrong_key", "member_hash",
         "unexpected_member", "missing_member", "too_large", "bomb", "manifest", "path_traversal",
         "duplicate_name", "link", "unsupported"}


@dataclass(frozen=True)
class Booth:
    first: Path
    second: Path
    public: str
    private: str
    other: Path       # an export of another booth, signed with its own key
    other_public: str
    data: ExportData  # build_export after the second export


@pytest.fixture(scope="module")
def booth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Booth]:
    root = tmp_path_factory.mktemp("exports")
    clock = FixedClock(datetime(2020, 10, 26, 2, 0, tzinfo=timezone.utc), step=timedelta(seconds=1))
    pkg, public = make_package()
    store = open_booth_store(root / "b001")
    setup_from_package(store, clock, write_package(root / "b001.otopbooth", pkg), pin=PIN)
    simulate(store, days=2, sales_per_day=60, pin=PIN, seed=11, start=date(2020, 10, 26))
    clock.set(datetime(2020, 10, 27, 15, 0, tzinfo=timezone.utc))
    first = export_booth(store, clock, root / "out")
    simulate(store, days=1, sales_per_day=60, pin=PIN, seed=12, start=date(2020, 10, 28))
    clock.set(datetime(2020, 10, 28, 15, 0, tzinfo=timezone.utc))
    second = export_booth(store, clock, root / "out")
    data = build_export(store)
    other_pkg, other_public = make_package(booth="B002", vendor="KK20-0002")
    other_store = open_booth_store(root / "b002")
    setup_from_package(other_store, clock, write_package(root / "b002.otopbooth", other_pkg), pin=PIN)
    simulate(other_store, days=1, sales_per_day=20, pin=PIN, seed=13, start=date(2020, 10, 26))
    other = export_booth(other_store, clock, root / "other")
    yield Booth(first, second, public, pkg.private_key_pem, other, other_public, data)
    store.dispose()
    other_store.dispose()


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts calls of the CSV parser: refusals of tampered files must happen before it."""
    calls: list[int] = []
    original = export_rows.parse_members

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(export_rows, "parse_members", spy)
    return calls


def assert_refused(path: Path, public: str, reasons: set[str] | str) -> ImportRefused:
    with pytest.raises(ImportRefused) as info:
        read_export(path, public)
    exc = info.value
    assert exc.th.strip() and exc.en.strip()
    assert exc.reason in ({reasons} if isinstance(reasons, str) else reasons), (exc.reason, exc.en)
    return exc


# --- round trip ---------------------------------------------------------------------------------------

def test_round_trip_gives_back_what_the_booth_holds(booth: Booth) -> None:
    v = read_export(booth.second, booth.public)
    assert v.data == booth.data  # aware times compare as instants
    assert v.size == booth.second.stat().st_size
    assert v.sha256 == hashlib.sha256(booth.second.read_bytes()).hexdigest()
    m = v.manifest
    assert (m.format, m.version, m.booth_code, m.till_no, m.fair_id, m.export_seq) == \
        (EXPORT_FORMAT, EXPORT_VERSION, "B001", 1, "KK-2563", 2)
    assert m.key_id == key_id_of(booth.public) and m.created_at.utcoffset() == timedelta(hours=7)
    assert m.counts["sales"] == len(v.data.sales) >= 170 and m.counts["days"] == 3
    assert m.totals["net_satang"] == m.totals["sales_satang"] - m.totals["voids_satang"] - m.totals["refunds_satang"]
    assert {name for name, _, _ in m.members} == {"README.txt", *export_rows.MEMBER_ORDER}
    assert all(s.created_at.tzinfo is not None for s in v.data.sales)
    assert [s.number for s in v.data.sales[:2]] == ["B001-000001", "B001-000002"]
    assert v.data.voids and v.data.refunds and v.data.refund_lines


def test_cumulative_second_export_holds_everything_of_the_first(booth: Booth) -> None:
    one = read_export(booth.first, booth.public)
    two = read_export(booth.second, booth.public)
    assert one.manifest.export_seq == 1 and two.manifest.export_seq == 2
    assert len(two.data.sales) > len(one.data.sales)
    hashes = {s.uuid: s.hash for s in two.data.sales}
    assert all(hashes[s.uuid] == s.hash for s in one.data.sales)
    assert two.data.sales[:len(one.data.sales)] == one.data.sales


def test_manifest_can_be_read_and_checked_without_the_members(booth: Booth, no_parsing: list[int]) -> None:
    manifest, raw, signature = read_export_manifest(booth.second)
    assert (manifest.fair_id, manifest.booth_code, manifest.key_id) == ("KK-2563", "B001", key_id_of(booth.public))
    assert verify(booth.public, raw, signature) and not verify(booth.other_public, raw, signature)
    assert json.loads(raw)["format"] == EXPORT_FORMAT
    assert no_parsing == []


def test_csv_members_open_as_utf8_bom_with_thai_intact(booth: Booth) -> None:
    members = members_of(booth.second)
    for name in export_rows.MEMBER_ORDER:
        assert members[name].startswith(b"\xef\xbb\xbf"), name
    lines = list(csv.DictReader(io.StringIO(members["lines.csv"].decode("utf-8-sig"))))
    assert any("ผ้าไหมมัดหมี่" in r["name"] for r in lines) and any(r["product_type"] == "อาหาร" for r in lines)
    sales = list(csv.DictReader(io.StringIO(members["sales.csv"].decode("utf-8-sig"))))
    assert sales[0]["created_at"].endswith("+07:00") and sales[0]["number"] == "B001-000001"
    refunds = list(csv.DictReader(io.StringIO(members["refunds.csv"].decode("utf-8-sig"))))
    assert refunds and "สินค้าชำรุด" in refunds[0]["reason"]
    readme = members["README.txt"].decode("utf-8")
    assert "B001" in readme and "สตางค์" in readme and "satang" in readme


# --- tampering, all refused before any CSV member is parsed -------------------------------------------

def test_random_byte_flips_anywhere_are_refused(booth: Booth, tmp_path: Path, no_parsing: list[int]) -> None:
    data = booth.first.read_bytes()
    rng = random.Random(2563)
    cd_offset = struct.unpack_from("<L", data, len(data) - 6)[0]
    headers = {off for at in re.finditer(b"PK\x03\x04", data) for off in range(at.start(), at.start() + 60)}
    offsets = (set(rng.sample(range(len(data)), 400)) | headers  # every local header and name
               | set(range(cd_offset - 500, len(data))))  # the last member's end, central directory, end record
    path = tmp_path / "flip.otopx"
    for off in sorted(offsets):
        flipped = bytearray(data)
        flipped[off] ^= rng.randrange(1, 256)
        assert_refused(write(path, bytes(flipped)), booth.public, EARLY)
    assert no_parsing == []


def test_member_swapped_from_another_export_is_refused(booth: Booth, tmp_path: Path, no_parsing: list[int]) -> None:
    old, new = members_of(booth.first), members_of(booth.second)
    for name in ("sales.csv", "lines.csv", "days.csv"):
        assert_refused(rezip(tmp_path / "swap.otopx", {**new, name: old[name]}), booth.public, "member_hash")
    assert no_parsing == []


def test_file_of_another_booth_or_wrong_key_is_refused(booth: Booth, tmp_path: Path, no_parsing: list[int]) -> None:
    assert_refused(booth.other, booth.public, "wrong_key")
    assert_refused(booth.second, booth.other_public, "wrong_key")
    assert_refused(booth.second, generate_keypair()[1], "wrong_key")
    # another booth's file claiming this booth's key id: the signature does not verify
    m = members_of(booth.other)
    doc = json.loads(m["manifest.json"])
    doc.update(key_id=key_id_of(booth.public), booth_code="B001")
    m["manifest.json"] = json.dumps(doc, ensure_ascii=False, indent=1).encode()
    assert_refused(rezip(tmp_path / "forged.otopx", m), booth.public, "signature")
    assert no_parsing == []


def test_edited_csv_with_recomputed_hash_but_old_signature_is_refused(booth: Booth, tmp_path: Path,
                                                                     no_parsing: list[int]) -> None:
    m = members_of(booth.second)
    sales = m["sales.csv"].decode("utf-8")
    first_total = sales.splitlines()[1].split(",")[8]
    m["sales.csv"] = sales.replace(f",{first_total},", ",1,", 1).encode("utf-8")
    doc = json.loads(m["manifest.json"])
    for member in doc["members"]:
        if member["name"] == "sales.csv":
            member.update(sha256=hashlib.sha256(m["sales.csv"]).hexdigest(), size=len(m["sales.csv"]))
    m["manifest.json"] = json.dumps(doc, ensure_ascii=False, indent=1).encode()
    assert_refused(rezip(tmp_path / "edited.otopx", m), booth.public, "signature")
    # the same edit without touching the manifest: the member hash catches it
    m2 = members_of(booth.second)
    m2["sales.csv"] = m["sales.csv"]
    assert_refused(rezip(tmp_path / "edited2.otopx", m2), booth.public, "member_hash")
    assert no_parsing == []


def test_truncated_at_many_offsets_is_refused(booth: Booth, tmp_path: Path, no_parsing: list[int]) -> None:
    data = booth.first.read_bytes()
    path = tmp_path / "cut.otopx"
    for cut in [*range(0, len(data), 211), *range(len(data) - 300, len(data))]:
        assert_refused(write(path, data[:cut]), booth.public, {"not_zip", "truncated", "corrupt"})
    assert no_parsing == []


def test_extra_missing_or_renamed_members_are_refused(booth: Booth, tmp_path: Path, no_parsing: list[int]) -> None:
    m = members_of(booth.second)
    assert_refused(rezip(tmp_path / "a.otopx", {**m, "notes.txt": b"hi"}), booth.public, "unexpected_member")
    assert_refused(rezip(tmp_path / "b.otopx", {k: v for k, v in m.items() if k != "voids.csv"}), booth.public,
            "unexpected_member")
    assert_refused(rezip(tmp_path / "c.otopx", {k: v for k, v in m.items() if k != "manifest.sig"}), booth.public, "format")
    assert_refused(rezip(tmp_path / "d.otopx", {**m, "../../evil": b"x"}), booth.public, "path_traversal")
    assert_refused(rezip(tmp_path / "e.otopx", {**m, "manifest.sig": b"AAAA\n"}), booth.public, "signature")
    doc = json.loads(m["manifest.json"])
    doc["version"] = 4   # a version this app does not read
    assert_refused(rezip(tmp_path / "f.otopx", {**m, "manifest.json": json.dumps(doc).encode()}), booth.public, "version")
    assert_refused(rezip(tmp_path / "g.otopx", {**m, "manifest.json": b"\xff not json"}), booth.public, "format")
    assert_refused(write_package(tmp_path / "h.otopx", make_package()[0]), booth.public, "format")
    assert no_parsing == []


def test_zips_not_written_by_the_app_are_refused(booth: Booth, tmp_path: Path, no_parsing: list[int]) -> None:
    m = members_of(booth.second)
    path = tmp_path / "rezipped.otopx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:  # e.g. unpacked and re-zipped by hand
        for name, blob in m.items():
            zf.writestr(name, blob)
    assert_refused(path, booth.public, {"corrupt", "bomb"})
    assert no_parsing == []


def test_oversized_file_is_refused_before_reading(booth: Booth, monkeypatch: pytest.MonkeyPatch,
                                                  no_parsing: list[int]) -> None:
    monkeypatch.setattr(export_format, "MAX_FILE_BYTES", booth.second.stat().st_size - 1)
    assert_refused(booth.second, booth.public, "too_large")
    assert no_parsing == []


# --- authentic but inconsistent content (the booth's own key signed it) --------------------------------

def signed(tmp_path: Path, booth: Booth, data: ExportData) -> Path:
    return write_export(tmp_path / "x.otopx", data, booth.private, 9, datetime(2020, 10, 29, tzinfo=timezone.utc))


def test_content_checks_after_the_signature(booth: Booth, tmp_path: Path) -> None:
    d = booth.data
    bad_line = replace(d.lines[0], net_satang=d.lines[0].net_satang + 100)
    assert_refused(signed(tmp_path, booth, replace(d, lines=(bad_line, *d.lines[1:]))), booth.public, "integrity")
    orphan = replace(d.payments[0], sale_uuid="00000000-0000-4000-8000-000000000000")
    assert_refused(signed(tmp_path, booth, replace(d, payments=(*d.payments, orphan))), booth.public, "integrity")
    assert_refused(signed(tmp_path, booth, replace(d, payments=d.payments[1:])), booth.public, "integrity")
    bad_refund = replace(d.refund_lines[0], line_no=99)
    assert_refused(signed(tmp_path, booth, replace(d, refund_lines=(bad_refund, *d.refund_lines[1:]))), booth.public,
            "integrity")
    assert_refused(signed(tmp_path, booth, replace(d, voids=(*d.voids, d.voids[0]))), booth.public, "integrity")


def test_chain_catches_deleted_and_rewritten_sales(booth: Booth, tmp_path: Path) -> None:
    d = booth.data
    voided = {v.sale_uuid for v in d.voids} | {r.sale_uuid for r in d.refunds}
    victim = next(s for s in d.sales[5:] if s.uuid not in voided)
    deleted = replace(d, sales=tuple(s for s in d.sales if s is not victim),
                      lines=tuple(x for x in d.lines if x.sale_uuid != victim.uuid),
                      payments=tuple(x for x in d.payments if x.sale_uuid != victim.uuid))
    exc = assert_refused(signed(tmp_path, booth, deleted), booth.public, "chain")
    assert str(victim.seq) in exc.en
    # a sale moved to another day's time: consistent sums, but its hash no longer matches
    moved = replace(victim, created_at=victim.created_at + timedelta(hours=1))
    assert_refused(signed(tmp_path, booth, replace(d, sales=tuple(moved if s is victim else s for s in d.sales))),
            booth.public, "chain")
    with pytest.raises(ImportRefused) as info:
        verify_chain(replace(d, voids=tuple(replace(v, reason=v.reason + "!") for v in d.voids)))
    assert info.value.reason == "chain"
    verify_chain(d)


def test_write_is_atomic_when_the_rename_fails(booth: Booth, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.otopx"
    target.write_bytes(booth.first.read_bytes())

    def power_cut(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        signed(tmp_path, booth, booth.data)
    monkeypatch.undo()
    assert read_export(target, booth.public).manifest.export_seq == 1
    assert [p.name for p in tmp_path.iterdir()] == ["x.otopx"]
