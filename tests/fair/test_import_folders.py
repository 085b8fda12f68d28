"""Folder imports say what they passed over, recognise an export by its content whatever a mail client named
it, and the command's exit status: 0 when every file was imported or already held, 1 when any was refused or
skipped, 2 for a usage error (issue 13)."""
from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from otop_pos.fair.import_files import collect, looks_like_export
from tests.fair.test_import_hostile import cli, usb, fair_clock, fair_db, usb_built  # noqa: F401 - the fixture and the in-process CLI


def test_an_export_is_recognised_by_content_whatever_its_name(
        usb: dict[str, Any], fair_db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTOP_POS_HOME", str(tmp_path / "home"))
    folder = tmp_path / "mail"
    folder.mkdir()
    a, b = usb["genuine"]
    shutil.copy(a, folder / "B001.otopx.zip")
    shutil.copy(b, folder / "export.zip")
    shutil.copy(usb["template"], folder / "B003 (1).otopx")
    code, out, err = cli(capsys, fair_db, "import", "--quiet", "--json", str(folder))
    report = json.loads(out)
    assert code == 0, (out, err)
    assert sorted(f["name"] for f in report["files"] if f["result"] == "imported") == \
        ["B001.otopx.zip", "B003 (1).otopx", "export.zip"]


def test_a_folder_says_what_it_skipped_and_exits_1(
        usb: dict[str, Any], fair_db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTOP_POS_HOME", str(tmp_path / "home"))
    folder = usb["folder"]
    (folder / "notes.txt").write_text("ยอดขายวันที่ 1", encoding="utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("photo.jpg", b"\xff\xd8 not really")
    (folder / "photos.zip").write_bytes(buf.getvalue())
    (folder / ".DS_Store").write_bytes(b"\0" * 10)
    (folder / "Thumbs.db").write_bytes(b"\0" * 10)
    (folder / "~$registry.xlsx").write_bytes(b"\0" * 10)
    (folder / "empty").mkdir()
    for run, mark in ((1, "+"), (2, "=")):
        code, out, err = cli(capsys, fair_db, "import", "--quiet", str(folder), str(folder / "empty"))
        assert code == 1, (out, err)
        lines = out.splitlines()
        assert any(ln.startswith("- notes.txt: SKIPPED / ข้าม [not_export]") and "not a file of this program" in ln
                   for ln in lines), out
        assert any(ln.startswith("- photos.zip: SKIPPED / ข้าม [not_export]") and "a compressed file that is not an export" in ln
                   for ln in lines), out
        assert any(ln.startswith(f"- {folder / 'empty'}: SKIPPED / ข้าม [no_exports]") and "empty" in ln
                   for ln in lines), out
        assert sum(ln.startswith(f"{mark} ") for ln in lines) == 2, out
        assert "3 skipped" in out and "3 hidden or system file(s) passed over" in out
        assert not any(x in out for x in (".DS_Store", "Thumbs.db", "~$registry"))
    code, out, _err = cli(capsys, fair_db, "import", "--quiet", "--json", str(folder))
    report = json.loads(out)
    assert code == 1 and (report["skipped"], report["junk"], report["unchanged"]) == (2, 3, 2)
    skipped = [f for f in report["files"] if f["result"] == "skipped"]
    assert all(f["path"] and f["reason"] == "not_export" and f["th"] and f["en"] for f in skipped)


def test_every_file_imported_or_held_exits_0_and_usage_errors_exit_2(
        usb: dict[str, Any], fair_db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTOP_POS_HOME", str(tmp_path / "home"))
    assert cli(capsys, fair_db, "import", "--quiet", str(usb["folder"]))[0] == 0
    assert cli(capsys, fair_db, "import", "--quiet", *map(str, usb["genuine"]))[0] == 0
    code, _out, err = cli(capsys, fair_db, "import", str(tmp_path / "no-such-folder"))
    assert code == 2 and "No such file or folder" in err
    code, _out, err = cli(capsys, fair_db, "import", "--jobs", "-1", str(usb["folder"]))
    assert code == 2 and "--jobs must be 0 or more" in err
    with pytest.raises(SystemExit) as info:
        cli(capsys, fair_db, "import", "--no-such-option", str(usb["folder"]))
    assert info.value.code == 2


def test_deciding_reads_four_bytes_of_a_big_file_that_is_no_zip(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "video.mp4"
    with open(big, "wb") as fh:
        fh.truncate(300 * 1024 * 1024)  # sparse: 300 MB on the disk's books, nothing written
    reads: list[int] = []
    real_open = open

    class Counting(io.FileIO):
        def read(self, size: int = -1) -> bytes:  # type: ignore[override]
            reads.append(size)
            return super().read(size)

    def spy(path: Any, mode: str = "r", *a: Any, **kw: Any) -> Any:
        return Counting(path, "rb") if Path(path) == big and mode == "rb" else real_open(path, mode, *a, **kw)

    monkeypatch.setattr("builtins.open", spy)
    ok, _th, en = looks_like_export(big)
    assert not ok and en == "not a file of this program" and reads == [4]
    found = collect([tmp_path])
    assert found.files == [] and [p.reason for p in found.passed] == ["not_export", "no_exports"]
