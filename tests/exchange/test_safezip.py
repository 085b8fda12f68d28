"""The strict zip reader: zip-slip, links, duplicates, bombs, lying sizes, truncation, limits; atomic writes."""
from __future__ import annotations

import io
import os
import struct
import tracemalloc
import zipfile
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pytest

from otop_pos.core.errors import ImportRefused
from otop_pos.exchange.safezip import atomic_write, open_zip_safely, write_zip
from tests.exchange.helpers import RawEntry, build_zip, deflate, stored, write, zeros_bomb

LIMITS = dict(max_file_bytes=50 << 20, max_members=16, max_member_bytes=20 << 20, max_total_bytes=40 << 20,
              max_ratio=200)
TEXT = "".join(f"สวัสดี {i * 7919 % 10007}\n" for i in range(5000))
WHEN = datetime(2020, 10, 26, 10, 0, tzinfo=timezone.utc)


def assert_refused(path: Path, reason: str | set[str], **limits: int) -> ImportRefused:
    with pytest.raises(ImportRefused) as info:
        with open_zip_safely(path, **{**LIMITS, **limits}) as z:
            for name in z.names():
                z.read(name)
    exc = info.value
    assert exc.th and exc.en and exc.th != exc.en
    assert exc.reason in ({reason} if isinstance(reason, str) else reason), (exc.reason, exc.en)
    return exc


def canonical(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    write_zip(buf, members, WHEN)
    return buf.getvalue()


def test_round_trip_of_canonical_zip(tmp_path: Path) -> None:
    members = [("a.csv", "\ufeffชื่อ,ราคา\r\nน้ำพริก,120\r\n".encode()), ("ไทย.txt", b"x"), ("empty", b"")]
    path = write(tmp_path / "z.zip", canonical(members))
    with open_zip_safely(path, **LIMITS) as z:
        assert z.names() == [n for n, _ in members]
        assert [z.read(n) for n in z.names()] == [d for _, d in members]
        z.check_canonical()
        with pytest.raises(ImportRefused) as info:
            z.read("missing")
        assert info.value.reason == "missing_member"
    with zipfile.ZipFile(path) as zf:  # any zip tool reads it
        assert zf.testzip() is None and zf.read("ไทย.txt") == b"x"


def test_deflated_zip_from_zipfile_is_read_but_not_canonical(tmp_path: Path) -> None:
    path = tmp_path / "d.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("x.txt", TEXT)
    with open_zip_safely(path, **LIMITS) as z:
        assert z.read("x.txt") == TEXT.encode()
        with pytest.raises(ImportRefused) as info:
            z.check_canonical()
        assert info.value.reason == "corrupt"


@pytest.mark.parametrize("name", ["../evil.txt", "a/../../evil.txt", "/etc/passwd", "\\windows\\x", "C:\\x.txt",
                                  "C:x.txt", "c:/x", "./x", "a/./b", "x\x00y", "tab\there"])
def test_zip_slip_names_are_refused(tmp_path: Path, name: str) -> None:
    assert_refused(write(tmp_path / "z.zip", build_zip([stored("ok.txt", b"1"), stored(name, b"evil")])), "path_traversal")


def test_symlink_and_folder_entries_are_refused(tmp_path: Path) -> None:
    link = RawEntry(b"link", b"/etc/passwd", crc=zlib.crc32(b"/etc/passwd"), external_attr=0o120777 << 16)
    assert_refused(write(tmp_path / "l.zip", build_zip([link])), "link")
    assert_refused(write(tmp_path / "d.zip", build_zip([stored("dir/", b"")])), "link")


@pytest.mark.parametrize("names", [("a.csv", "a.csv"), ("A.csv", "a.csv")])
def test_duplicate_names_are_refused(tmp_path: Path, names: tuple[str, str]) -> None:
    assert_refused(write(tmp_path / "z.zip", build_zip([stored(names[0], b"1"), stored(names[1], b"2")])), "duplicate_name")


def test_limits_on_file_members_and_sizes(tmp_path: Path) -> None:
    path = write(tmp_path / "z.zip", canonical([(f"m{i}", b"x" * 100) for i in range(5)]))
    assert_refused(path, "too_large", max_file_bytes=200)
    assert_refused(path, "too_large", max_members=4)
    assert_refused(path, "too_large", max_member_bytes=99)
    assert_refused(path, "too_large", max_total_bytes=450)
    with open_zip_safely(path, **LIMITS) as z, pytest.raises(ImportRefused) as info:
        z.read("m0", max_bytes=50)
    assert info.value.reason == "too_large"


def test_not_a_zip_empty_and_missing(tmp_path: Path) -> None:
    assert_refused(write(tmp_path / "t.zip", "ชื่อ,ราคา\n".encode() * 10), "not_zip")
    assert_refused(write(tmp_path / "e.zip", b""), "not_zip")
    assert_refused(tmp_path / "nope.zip", "unreadable")
    assert_refused(tmp_path, "unreadable")


def test_truncated_at_every_offset_is_refused(tmp_path: Path) -> None:
    data = canonical([("a.csv", b"abc" * 50), ("b.csv", "ผ้าไหม".encode() * 20)])
    for cut in range(len(data)):
        assert_refused(write(tmp_path / "t.zip", data[:cut]), {"truncated", "not_zip", "corrupt"})


def test_extra_bytes_comment_and_gaps_are_refused(tmp_path: Path) -> None:
    data = canonical([("a.csv", b"abc")])
    assert_refused(write(tmp_path / "p.zip", b"junk" + data), {"not_zip", "corrupt"})
    assert_refused(write(tmp_path / "a.zip", data + b"junk"), {"truncated", "corrupt"})
    commented = data[:-2] + struct.pack("<H", 3) + b"abc"
    assert_refused(write(tmp_path / "c.zip", commented), {"truncated", "corrupt"})


def test_crc_and_header_mismatches_are_refused(tmp_path: Path) -> None:
    assert_refused(write(tmp_path / "c.zip", build_zip([RawEntry(b"a", b"abc", crc=1)])), "corrupt")
    data = bytearray(canonical([("a.csv", b"abc")]))
    data[10] ^= 1  # local header time differs from the central directory
    assert_refused(write(tmp_path / "h.zip", bytes(data)), "corrupt")
    assert_refused(write(tmp_path / "s.zip", build_zip([RawEntry(b"a", b"abc", crc=zlib.crc32(b"abc"), size=4)])), "corrupt")


def test_encryption_descriptor_and_other_methods_are_refused(tmp_path: Path) -> None:
    for entry in (RawEntry(b"a", b"abc", flags=1), RawEntry(b"a", b"abc", flags=8), RawEntry(b"a", b"abc", method=12)):
        assert_refused(write(tmp_path / "u.zip", build_zip([entry])), "unsupported")


def test_high_ratio_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    data, crc = zeros_bomb(50 << 20)
    path = write(tmp_path / "bomb.zip", build_zip([RawEntry(b"zeros.csv", data, method=8, crc=crc, size=50 << 20)]))
    assert_refused(path, "bomb", max_member_bytes=1 << 30, max_total_bytes=1 << 30)


def test_patched_header_sizes_that_lie_are_caught_while_streaming(tmp_path: Path) -> None:
    """A real deflated member whose local and central headers were patched to claim a small size."""
    body = b"0123456789" * 100_000
    path = tmp_path / "lie.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("data.csv", body)
    raw = bytearray(path.read_bytes())
    lfh = raw.index(b"PK\x03\x04")
    cdh = raw.index(b"PK\x01\x02")
    csize = struct.unpack_from("<L", raw, lfh + 18)[0]
    claimed = csize * 2  # an innocent ratio, far below the truth
    struct.pack_into("<L", raw, lfh + 22, claimed)
    struct.pack_into("<L", raw, cdh + 24, claimed)
    assert_refused(write(path, bytes(raw)), "bomb")


def test_a_gigabyte_bomb_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    data, crc = zeros_bomb(1 << 30)
    honest = write(tmp_path / "honest.zip", build_zip([RawEntry(b"z.csv", data, method=8, crc=crc, size=1 << 30)]))
    liar = write(tmp_path / "liar.zip", build_zip([RawEntry(b"z.csv", data, method=8, crc=crc, size=len(data) * 100)]))
    big = dict(max_file_bytes=1 << 31, max_member_bytes=1 << 31, max_total_bytes=1 << 31)
    del data
    tracemalloc.start()
    try:
        assert_refused(honest, "bomb", **big)
        assert_refused(liar, "bomb", **big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 << 20, peak


def test_deflate_stream_must_end_exactly(tmp_path: Path) -> None:
    body = b"hello" * 100
    comp = deflate(body) + b"trailing"
    assert_refused(write(tmp_path / "t.zip", build_zip([RawEntry(b"a", comp, method=8, crc=zlib.crc32(body),
                                                          size=len(body))])), "corrupt")
    short = deflate(body)[:-3]
    assert_refused(write(tmp_path / "s.zip", build_zip([RawEntry(b"a", short, method=8, crc=zlib.crc32(body),
                                                          size=len(body))])), "corrupt")


def test_atomic_write_keeps_the_old_file_when_rename_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.zip"
    atomic_write(target, lambda fh: fh.write(b"old"))

    def boom(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(target, lambda fh: fh.write(b"new" * 1000))
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.zip"]


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "out.zip"
    atomic_write(target, lambda fh: fh.write(b"old"))

    def half(fh: io.BufferedWriter) -> None:
        fh.write(b"partial")
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        atomic_write(target, half)  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.zip"]


def test_large_legitimate_deflated_member_reads_back(tmp_path: Path) -> None:
    """Output pending inside the inflater at a chunk boundary is drained, not lost."""
    body = ("".join(f"{i * 2654435761 % 4294967296:010d}," for i in range(400_000))).encode()
    for level in (1, 9):
        c = zlib.compressobj(level, zlib.DEFLATED, -15)
        comp = c.compress(body) + c.flush()
        path = write(tmp_path / f"l{level}.zip", build_zip([RawEntry(b"big.csv", comp, method=8,
                                                                     crc=zlib.crc32(body), size=len(body))]))
        with open_zip_safely(path, **LIMITS) as z:
            assert z.read("big.csv") == body
    zeros = bytes(3_000_000)
    comp = deflate(zeros)  # ratio ~1000: over the limit of 200, refused though honest
    path = write(tmp_path / "z.zip", build_zip([RawEntry(b"z", comp, method=8, crc=zlib.crc32(zeros),
                                                         size=len(zeros))]))
    assert_refused(path, "bomb")
    with open_zip_safely(path, **{**LIMITS, "max_ratio": 5000}) as z:
        assert z.read("z") == zeros
