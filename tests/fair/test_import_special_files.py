"""Import folders as a hostile or careless folder really is: special files (sockets, links that lead nowhere,
links back to a folder) each get their line and never hang the run, links to real exports import, and a
file's name or a hand-edited manifest cannot write terminal control codes or bidi overrides (issue 13,
red-team findings fixed by the fix2 branch)."""
from __future__ import annotations

import json
import os
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest

from otop_pos.core.visible import code_problem, visible
from tests.exchange.helpers import members_of
from tests.fair.test_import_hostile import cli, edited, usb, fair_clock, fair_db, usb_built  # noqa: F401 - the fixture and the in-process CLI


def _lines(out: str, name: str) -> list[str]:
    return [ln for ln in out.splitlines() if name in ln]


def test_links_and_sockets_in_a_folder_each_get_a_line_and_linked_exports_import(
        usb: dict[str, Any], fair_db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTOP_POS_HOME", str(tmp_path / "home"))
    folder = usb["folder"]
    shutil.copy(usb["template"], tmp_path / "elsewhere.otopx")
    os.symlink(tmp_path / "elsewhere.otopx", folder / "B003.otopx")  # a link to a real export: imported
    os.symlink(tmp_path / "gone.otopx", folder / "B004.otopx")  # leads nowhere
    os.symlink("..", folder / "up")  # a link back up: searched once, no endless walk
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "B005.otopx"))
    try:
        code, out, err = cli(capsys, fair_db, "import", "--quiet", str(folder))
    finally:
        sock.close()
    assert "Traceback" not in out + err
    assert code == 1, out
    assert _lines(out, "B003.otopx")[0].startswith("+ B003.otopx:"), out
    assert "[broken_link]" in _lines(out, "B004.otopx")[0] and "leads nowhere" in out
    assert "[not_regular]" in _lines(out, "B005.otopx")[0] and "a socket" in out
    assert any("[link_loop]" in ln for ln in out.splitlines()), out
    assert "3 imported" in out


def test_a_folder_named_like_an_export_is_named_and_still_searched(
        usb: dict[str, Any], fair_db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTOP_POS_HOME", str(tmp_path / "home"))
    inner = usb["folder"] / "day2.otopx"
    inner.mkdir()
    shutil.copy(usb["template"], inner / "B003.otopx")
    code, out, _err = cli(capsys, fair_db, "import", "--quiet", str(usb["folder"]))
    assert code == 1
    assert "SKIPPED" in _lines(out, "day2.otopx: ")[0] and "give the .otopx file itself" in out
    assert _lines(out, "B003.otopx")[0].startswith("+ "), out


def test_a_file_name_with_control_codes_bidi_and_non_utf8_bytes_is_shown_escaped(
        usb: dict[str, Any], fair_db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A file can be named with ESC, a carriage return, a bidi override or bytes that are no UTF-8: the line
    about it shows them as escapes (text and --json), and the run neither crashes nor lets the name erase
    its own line."""
    monkeypatch.setenv("OTOP_POS_HOME", str(tmp_path / "home"))
    folder = usb["folder"]
    hostile = os.fsdecode(b"B003\x1b[2K\r\xe2\x80\xaextpo\xff.otopx")
    shutil.copy(usb["template"], folder / hostile)
    (folder / "note\x1b[8m.txt").write_text("hello", encoding="utf-8")
    code, out, err = cli(capsys, fair_db, "import", "--quiet", str(folder))
    assert "Traceback" not in out + err and code == 1
    for bad in ("\x1b", "\r", "\u202e", "\udcff"):
        assert bad not in out + err, repr(out)
    assert any(ln.startswith("+ B003\\x1b[2K\\x0dU+202Extpo\\xff.otopx: ") for ln in out.splitlines()), out
    assert any(ln.startswith("- note\\x1b[8m.txt: SKIPPED") for ln in out.splitlines()), out
    code, out, _err = cli(capsys, fair_db, "import", "--quiet", "--json", str(folder))
    names = {f["name"] for f in json.loads(out)["files"]}
    assert "B003\\x1b[2K\\x0dU+202Extpo\\xff.otopx" in names and "\u202e" not in out
    code, out, _err = cli(capsys, fair_db, "status")
    assert "\x1b" not in out and "\u202e" not in out and "B003\\x1b[2K" in out


@pytest.mark.parametrize("field, value", [
    ("vendor_code", "KK20-0003\u202e"), ("booth_code", "B003\x07"), ("fair_id", "\x1b]0;owned\x07"),
    ("key_id", "abc\u2066def"), ("vendor_code", "KK20 0003"),
])
def test_a_manifest_code_with_invisible_characters_is_refused_naming_the_field(
        usb: dict[str, Any], fair_db: str, capsys: pytest.CaptureFixture[str], field: str,  # noqa: F811
        value: str) -> None:
    edited(usb["template"], usb["folder"] / "B003.otopx", {field: value})
    code, out, err = cli(capsys, fair_db, "import", "--quiet", str(usb["folder"]))
    line = _lines(out, "B003.otopx")[0]
    assert code == 1 and line.startswith("! B003.otopx: REFUSED / ปฏิเสธ [manifest]"), out
    assert f"the file's summary is not valid ({field} holds a character a code cannot hold" in line
    assert sum(ln.startswith("+ ") for ln in out.splitlines()) == 2  # the genuine files beside it


def test_a_manifest_with_a_bom_is_read_and_one_with_a_huge_number_is_refused_as_too_large(
        usb: dict[str, Any], fair_db: str, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    manifest = members_of(usb["template"])["manifest.json"]
    edited(usb["template"], usb["folder"] / "B003.otopx", raw=b"\xef\xbb\xbf" + manifest)
    huge = manifest.replace(b'"export_seq": 1', b'"export_seq": 1' + b"0" * 5000)
    assert huge != manifest
    edited(usb["template"], usb["folder"] / "B004.otopx", raw=huge)
    code, out, err = cli(capsys, fair_db, "import", "--quiet", str(usb["folder"]))
    assert code == 1 and "Traceback" not in out + err
    # read past the BOM: the bytes no longer are the ones the booth signed (not "not a booth export")
    assert "[signature]" in _lines(out, "B003.otopx")[0], out
    line = _lines(out, "B004.otopx")[0]
    assert "[manifest]" in line and "summary is not valid (holds a number too large (over 100 digits))" in line, out


def test_visible_and_code_problem() -> None:
    assert visible("B001 ผ้าไหม.otopx") == "B001 ผ้าไหม.otopx"
    assert visible("a\x1b[2K\rb\u202ec\tz") == r"a\x1b[2K\x0dbU+202Ec\x09z"
    assert visible(os.fsdecode(b"x\xff")) == "x\\xff"
    assert code_problem("KK20-0001") is None and code_problem("ขก.๐๐๑/2") is None
    assert code_problem("B1\u200b") == ("มีอักขระที่ใช้ในรหัสไม่ได้ (U+200B)", "holds a character a code cannot hold (U+200B)")
    assert code_problem("B 1") is not None and code_problem("B\x1b") is not None
