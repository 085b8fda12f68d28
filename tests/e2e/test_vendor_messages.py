"""Issue 16, on a vendor's laptop: what the CLI says when a command meets a laptop as it is (no booth set up, a
fair store not made yet, an output folder that cannot be made). Each message is in Thai and English, exit 2,
no "Something went wrong" and nothing left behind in the data folder."""
from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from otop_pos.core.outfiles import OutputError, folder_error, make_folder, write_error
from otop_pos.store.ownership import not_ours_error
from tests.e2e.test_cli_booth import DEMO, ROOT, run

NOBODY = 65534


def refused(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    """A vendor's error: exit 2, Thai and English, the words, no bug report."""
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "ข้อผิดพลาด:" in proc.stderr and "Error:" in proc.stderr, proc.stderr
    assert "otop-pos-errors.log" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    for w in words:
        assert w in proc.stderr, (w, proc.stderr)


@pytest.fixture(scope="module")
def booth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo booth with one day of sales (read only by the tests below)."""
    h = tmp_path_factory.mktemp("vendor") / "booth"
    run(h, "booth", "setup", "--registry", str(DEMO), "--vendor", "KK20-0018", "--pin", "1234")
    run(h, "booth", "day", "open", "--float", "500")
    run(h, "booth", "simulate", "--days", "1", "--sales-per-day", "2", "--seed", "1", "--pin", "1234")
    return h


# --- a data folder never set up --------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ("booth", "sales"), ("booth", "sales", "--json"), ("booth", "products"), ("booth", "methods"),
    ("booth", "report"), ("booth", "day", "status"), ("booth", "orders"),
    ("print", "receipt", "--last", "--pdf", "r.pdf"), ("print", "queue"),
])
def test_read_commands_before_setup_say_so_and_make_nothing(tmp_path: Path, args: tuple[str, ...]) -> None:
    """The vendor typed it in an account (or a folder) where the booth was never set up: "not set up yet",
    naming the folder, and the folder is not made (no empty booth.sqlite to mistake for lost sales)."""
    h = tmp_path / "never-set-up"
    proc = run(h, *args, ok=False)
    refused(proc, "not set up", "ยังไม่ได้ตั้งค่า", str(h))
    assert not h.exists()


def test_read_commands_in_an_empty_existing_folder_leave_it_empty(tmp_path: Path) -> None:
    h = tmp_path / "empty"
    h.mkdir()
    refused(run(h, "booth", "report", ok=False), "not set up")
    assert list(h.iterdir()) == []


def test_setup_still_makes_the_store_and_the_commands_then_work(tmp_path: Path) -> None:
    h = tmp_path / "new" / "booth"
    run(h, "booth", "setup", "--registry", str(DEMO), "--vendor", "KK20-0018", "--pin", "1234")
    assert (h / "booth.sqlite").is_file()
    assert run(h, "booth", "sales").returncode == 0


@pytest.mark.parametrize("action", [("status",), ("list",), ("summary",), ("report", "--json"), ("verify",),
                                    ("packages", "out")])
def test_fair_commands_on_a_store_that_does_not_exist_say_so(tmp_path: Path, action: tuple[str, ...]) -> None:
    """``fair --db NEW.sqlite status``: no fair store there; nothing made (``fair create`` makes one)."""
    db = tmp_path / "organiser" / "NEW.sqlite"
    proc = run(tmp_path / "home", "fair", "--db", str(db), *action, ok=False)
    refused(proc, str(db), "fair create")
    assert not db.parent.exists()


def test_fair_create_makes_the_store_and_status_reads_it(tmp_path: Path) -> None:
    db = tmp_path / "organiser" / "fair.sqlite"
    run(tmp_path, "fair", "--db", str(db), "create", "--name", "งานทดสอบ", "--start", "2026-01-10",
        "--end", "2026-01-12")
    assert db.is_file()
    assert "งานทดสอบ" in run(tmp_path, "fair", "--db", str(db), "status").stdout


def test_the_organiser_window_still_makes_its_default_store(tmp_path: Path) -> None:
    """The organiser window opens ``open_fair_store`` with its default (create): a first start makes the store."""
    from otop_pos.fair.store import open_fair_store

    store = open_fair_store(tmp_path / "first" / "fair.sqlite")
    store.dispose()
    assert (tmp_path / "first" / "fair.sqlite").is_file()


# --- an output folder that cannot be made ------------------------------------------------------------------------

def test_a_pdf_over_an_existing_folder_says_so(booth: Path, tmp_path: Path) -> None:
    (tmp_path / "kept.txt").write_text("the folder's own file")
    proc = run(booth, "print", "receipt", "--last", "--pdf", str(tmp_path), ok=False)
    refused(proc, str(tmp_path), "a folder of that name")
    assert tmp_path.is_dir() and [p.name for p in tmp_path.iterdir()] == ["kept.txt"]   # nothing written over it


def test_a_zreport_pdf_and_a_csv_report_under_a_file_say_which_folder(booth: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    day = json.loads(run(booth, "booth", "sales", "--json").stdout)[0]["business_date"]
    proc = run(booth, "print", "zreport", day, "--pdf", str(blocker / "z" / "z.pdf"), ok=False)
    refused(proc, f"Cannot make the folder {blocker / 'z'}", f"{blocker} is a file")
    proc = run(booth, "promptpay", "0812345678", "--png", str(blocker / "qr.png"), ok=False)
    refused(proc, str(blocker))
    assert blocker.read_text() == "not a folder"


def test_fair_report_csv_and_packages_into_a_file_say_which_folder(tmp_path: Path) -> None:
    db = tmp_path / "fair.sqlite"
    run(tmp_path, "fair", "--db", str(db), "create", "--name", "งานทดสอบ", "--start", "2026-01-10",
        "--end", "2026-01-12")
    run(tmp_path, "fair", "--db", str(db), "registry", str(DEMO))
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    refused(run(tmp_path, "fair", "--db", str(db), "report", "--csv", str(blocker / "csv"), ok=False),
            f"{blocker} is a file")
    refused(run(tmp_path, "fair", "--db", str(db), "report", "--producer-sheets", str(blocker), ok=False),
            f"{blocker} is a file")
    refused(run(tmp_path, "fair", "--db", str(db), "packages", str(blocker / "pk"), ok=False),
            f"{blocker} is a file")
    run(tmp_path, "fair", "--db", str(db), "packages", str(tmp_path / "pk"), "--vendor", "KK20-0002")
    (package,) = (tmp_path / "pk").glob("*.otopbooth")
    home = tmp_path / "booth"
    run(home, "booth", "setup", "--package", str(package), "--pin", "1234")
    refused(run(home, "booth", "export", str(blocker / "usb"), ok=False), str(blocker / "usb"), f"{blocker} is a file")
    assert blocker.read_text() == "x"


AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("setpriv") is not None


@pytest.fixture
def nobody_booth(booth: Path) -> Iterator[Path]:
    """A copy of the demo booth owned by ``nobody``, in a folder every user can reach (pytest's own tmp folders
    are root's alone); removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix="otop-nobody-"))
    base.chmod(0o755)
    home = base / "booth"
    shutil.copytree(booth, home)
    for p in (home, *home.iterdir()):
        os.chown(p, NOBODY, NOBODY)
    try:
        yield home
    finally:
        shutil.rmtree(base)


def as_nobody(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI run as the user ``nobody`` with ``home`` as its data folder."""
    env = dict(os.environ, OTOP_POS_HOME=str(home), PYTHONPATH=str(ROOT), HOME=str(home))
    env.pop("OTOP_POS_PIN", None)
    return subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                           sys.executable, "-m", "otop_pos", *args], capture_output=True, text=True, env=env,
                          cwd="/", timeout=300)


@pytest.mark.skipif(not AS_ROOT, reason="needs root to run the CLI as another user (setpriv)")
def test_a_pdf_into_a_folder_the_user_may_not_write_says_so(nobody_booth: Path) -> None:
    """As an ordinary user (nobody): ``--pdf ROOTS/sub/r.pdf`` and ``--pdf ROOTS/r.pdf``."""
    locked = nobody_booth.parent / "locked"
    locked.mkdir(mode=0o755)
    refused(as_nobody(nobody_booth, "print", "receipt", "--last", "--pdf", str(locked / "sub" / "r.pdf")),
            f"Cannot make the folder {locked / 'sub'}", f"may not write in {locked}")
    refused(as_nobody(nobody_booth, "print", "receipt", "--last", "--pdf", str(locked / "r.pdf")),
            f"Cannot write {locked / 'r.pdf'}", f"may not write in the folder {locked}")
    assert list(locked.iterdir()) == []
    ok = as_nobody(nobody_booth, "print", "receipt", "--last", "--pdf", str(nobody_booth / "r.pdf"))
    assert ok.returncode == 0 and (nobody_booth / "r.pdf").is_file(), ok.stderr


@pytest.mark.skipif(not AS_ROOT, reason="needs root to run the CLI as another user (setpriv)")
def test_a_printer_file_the_user_may_not_write_gives_no_group_advice(nobody_booth: Path) -> None:
    """``--printer file:ROOTS/x`` as an ordinary user: the folder is not writable by this user; not "sudo usermod
    -aG lp" (README: no group to join), and nothing is written there."""
    locked = nobody_booth.parent / "locked"
    locked.mkdir(mode=0o755)
    proc = as_nobody(nobody_booth, "print", "receipt", "--last", "--printer", f"file:{locked / 'x'}")
    refused(proc, f"the folder {locked} (or the file) is not writable by this user")
    assert "usermod" not in proc.stderr and not (locked / "x").exists()


@pytest.mark.skipif(not AS_ROOT, reason="needs root to run the CLI as another user (setpriv)")
def test_a_data_folder_made_by_sudo_says_whose_it_is_and_the_command_that_fixes_it(nobody_booth: Path) -> None:
    """``sudo -E otop-pos booth setup`` left the data folder (or only its booth.sqlite) root's: the vendor's own
    commands say it belongs to root and give the one chown to run; nothing in the store changes; after that
    chown the same command works. Not "Saving to disk failed … the cart is kept"."""
    os.chown(nobody_booth, 0, 0)
    for f in nobody_booth.iterdir():
        os.chown(f, 0, 0)
    before = (nobody_booth / "booth.sqlite").read_bytes()
    for args in (("booth", "sales"), ("booth", "day", "status"), ("booth", "report")):
        proc = as_nobody(nobody_booth, *args)
        refused(proc, f"The data folder {nobody_booth} belongs to the user root",
                f"sudo chown -R nobody:nogroup {nobody_booth}", "เป็นของผู้ใช้ root")
        assert "cart" not in proc.stderr
    assert (nobody_booth / "booth.sqlite").read_bytes() == before
    os.chown(nobody_booth, NOBODY, NOBODY)   # only the store file stays root's
    proc = as_nobody(nobody_booth, "booth", "sales")
    refused(proc, f"{nobody_booth / 'booth.sqlite'} (of the data folder {nobody_booth}) belongs to the user root",
            f"sudo chown -R nobody:nogroup {nobody_booth}")
    for f in nobody_booth.iterdir():         # what the admin's chown -R does
        os.chown(f, NOBODY, NOBODY)
    assert as_nobody(nobody_booth, "booth", "sales").returncode == 0


@pytest.mark.skipif(not AS_ROOT, reason="needs root to run the CLI as another user (setpriv)")
def test_sudo_setup_in_the_users_home_gives_back_the_whole_local_folder(tmp_path: Path) -> None:
    """``sudo -E otop-pos booth setup`` in a home without ~/.local made ~/.local, ~/.local/share and the data
    folder root's: the one chown gives back ~/.local (the topmost folder root took in the home)."""
    base = Path(tempfile.mkdtemp(prefix="otop-sudo-"))
    try:
        base.chmod(0o755)
        home = base / "home"
        home.mkdir()
        os.chown(home, NOBODY, NOBODY)
        env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, "-m", "otop_pos", "booth", "setup", "--registry", str(DEMO),
                               "--vendor", "KK20-0002", "--pin", "4321"], env=env, cwd="/", capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        data = home / ".local" / "share" / "otop-pos"
        proc = subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", sys.executable,
                               "-m", "otop_pos", "booth", "sales"], env=env, cwd="/", capture_output=True, text=True,
                              timeout=300)
        refused(proc, f"The data folder {data} belongs to the user root",
                f"sudo chown -R nobody:nogroup {home / '.local'}")
    finally:
        shutil.rmtree(base)


@pytest.mark.skipif(not AS_ROOT, reason="needs root to run the CLI as another user (setpriv)")
def test_a_fair_store_made_by_sudo_says_whose_it_is(nobody_booth: Path) -> None:
    db = nobody_booth.parent / "organiser" / "fair.sqlite"
    run(nobody_booth, "fair", "--db", str(db), "create", "--name", "งานทดสอบ", "--start", "2026-01-10",
        "--end", "2026-01-12")
    before = db.read_bytes()
    proc = as_nobody(nobody_booth, "fair", "--db", str(db), "status")
    refused(proc, f"The data folder {db.parent} belongs to the user root", f"sudo chown -R nobody:nogroup {db.parent}")
    assert db.read_bytes() == before and db.stat().st_uid == 0                   # the store is as root left it


def test_the_not_ours_message_names_owner_user_and_folder() -> None:
    """The message itself, with an injected owner and user (the suite runs as root, who may write anything)."""
    folder = Path("/home/somchai/.local/share/otop-pos")
    err = not_ours_error(folder, "root", "somchai", "somchai")
    assert err.en.startswith(f"The data folder {folder} belongs to the user root, so somchai cannot save")
    assert f"sudo chown -R somchai:somchai {folder}" in err.en and f"sudo chown -R somchai:somchai {folder}" in err.th
    assert "เป็นของผู้ใช้ root" in err.th and "cart" not in err.en
    above = not_ours_error(folder, "root", "somchai", path=Path("/home/somchai/.local"),
                           fix=Path("/home/somchai/.local"))
    assert "sudo chown -R somchai:somchai /home/somchai/.local" in above.en
    outside = not_ours_error(Path("/srv/pos/data"), "root", "somchai", path=Path("/srv/pos"))
    assert "chown" not in outside.en and "--data-dir" in outside.en


# --- the messages themselves -------------------------------------------------------------------------------------

def test_folder_error_names_the_reason(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    denied = folder_error(target, PermissionError(errno.EACCES, "Permission denied"))
    assert f"may not write in {tmp_path}" in denied.en and "ไม่มีสิทธิ์" in denied.th
    full = folder_error(target, OSError(errno.ENOSPC, "No space left on device"))
    assert "disk is full" in full.en and "ดิสก์เต็ม" in full.th
    other = folder_error(target, OSError(errno.EIO, "Input/output error"))
    assert str(target) in other.en and "Input/output error" in other.en
    assert "disk is full" in write_error(tmp_path / "r.pdf", OSError(errno.ENOSPC, "full")).en


def test_make_folder_makes_a_missing_folder_and_refuses_a_file(tmp_path: Path) -> None:
    assert make_folder(tmp_path / "x" / "y").is_dir()
    (tmp_path / "f").write_text("")
    with pytest.raises(OutputError) as err:
        make_folder(tmp_path / "f" / "y")
    assert f"{tmp_path / 'f'} is a file" in err.value.en
