"""A cashier at the real booth window: Xvfb + openbox, the app started as a process, keys and USB-scanner
bursts sent with xdotool, the result read back from the booth's store and its signed end-of-day export.

Nothing is mocked: the booth is set up through the CLI from an organiser's booth package (so it can sign
exports), the window is ``python -m otop_pos`` on its own virtual screen, keys go to whatever has the
keyboard focus (as on a stall laptop), and the money is read from the export the organiser would import.

    desk = Desk.start(work)                     # the screen and the window manager, once per test module
    template = make_booth(work / "template")    # a set-up booth with its day open, copied per app start
    c = Cashier(desk, template.copy_to(work / "run1"), work / "artefacts")
    c.start(); c.scan("8851437147262"); c.key("F12"); c.wait_window("Payment"); c.type_text("100") …
    c.export()  # -> [Sale(number, total, change, lines, payments), …] from the verified signed export
"""
from __future__ import annotations

import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo"
VENDOR = "KK20-0018"  # the demo vendor: seven food products, four with barcodes
PIN = "1234"
SCREEN = (1024, 600)  # the stall's netbook
MAIN_TITLE = re.compile(r"^กลุ่มทอผ้าบ้านโนนทัน — OTOP POS$")  # the main window: VENDOR's shop, then the app's name
TOOLS = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "import": "imagemagick",
         "tesseract": "tesseract-ocr"}


def need_tools() -> None:
    """Skip (a failure under CI=true, see tests/conftest.py) when a tool of the real-window tests is missing."""
    for tool, deb in TOOLS.items():
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (apt-get install {deb}; `bash .ci/dev test` installs it)")


def wait_until(check: Callable[[], Any], timeout: float, what: str, *, interval: float = 0.05,
               on_timeout: Callable[[str], object] | None = None) -> Any:
    """Poll ``check()`` until it returns something truthy (returned); on timeout fail saying ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            if on_timeout is not None:
                on_timeout(f"waited {timeout:g} s for {what}")
            raise AssertionError(f"waited {timeout:g} s for {what}")
        time.sleep(interval)


def otop(*args: str, home: Path | None = None, timeout: float = 120) -> str:
    """Run ``python -m otop_pos ARGS`` (the CLI a vendor or organiser uses); its stdout. Fails on exit ≠ 0."""
    env = dict(os.environ)
    for name in ("OTOP_POS_PIN", "OTOP_POS_DB", "OTOP_POS_HOME"):
        env.pop(name, None)
    if home is not None:
        env["OTOP_POS_HOME"] = str(home)
    proc = subprocess.run([sys.executable, "-m", "otop_pos", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert proc.returncode == 0, (args, proc.returncode, proc.stdout[-2000:], proc.stderr[-2000:])
    return proc.stdout


# --- the booth's data folder ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Booth:
    """A booth data folder set up from the organiser's package (``package`` holds the signing key)."""

    data_dir: Path
    package: Path

    def copy_to(self, folder: Path) -> Booth:
        """A fresh copy of this (stopped) booth in ``folder``: a new till with the same set-up and open day."""
        shutil.copytree(self.data_dir, folder)
        return Booth(folder, self.package)


def make_booth(folder: Path) -> Booth:
    """The organiser creates the fair from the demo registry and writes the demo vendor's booth package; the
    till is set up from it with manager PIN 1234 and the day is opened with a ฿1,000 float (all by the CLI)."""
    db = folder / "organiser" / "fair.sqlite"
    otop("fair", "create", "--db", str(db), "--name", "OTOP CITY IN KHONKAEN ครั้งที่ 20",
         "--venue", "สวนรัชดานุสรณ์", "--province", "ขอนแก่น", "--start", "2020-10-26", "--end", "2020-11-01")
    otop("fair", "--db", str(db), "registry", str(DEMO / "vendors.csv"), str(DEMO / "catalogue.csv"))
    otop("fair", "--db", str(db), "packages", str(folder / "packages"), "--vendor", VENDOR)
    package = next((folder / "packages").glob("*.otopbooth"))
    home = folder / "booth"
    otop("booth", "setup", "--package", str(package), "--pin", PIN, home=home)
    otop("booth", "day", "open", "--float", "1000", home=home)
    return Booth(home, package)


# --- what the export says ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Line:
    sku: str
    qty: int
    discount_satang: int
    net_satang: int


@dataclass(frozen=True)
class Payment:
    method: str
    amount_satang: int
    tendered_satang: int | None
    change_satang: int
    state_satang: int = 0   # the state's share of a scheme's payment


@dataclass(frozen=True)
class Sale:
    """One sale as the organiser receives it (money in satang)."""

    number: str
    total_satang: int
    change_satang: int
    lines: tuple[Line, ...]
    payments: tuple[Payment, ...]
    voided: bool = False

    @property
    def skus(self) -> list[str]:
        return [line.sku for line in self.lines for _ in range(line.qty)]

    @property
    def paid(self) -> list[tuple[str, int]]:
        """(method, amount settled) in the order the payments were taken."""
        return [(p.method, p.amount_satang) for p in self.payments]


def read_signed_export(path: Path, package: Path) -> list[Sale]:
    """The sales of an export file, verified (signature, hashes, chain) with the booth's public key."""
    from otop_pos.exchange.export_format import read_export
    from otop_pos.exchange.keys import public_pem_of
    from otop_pos.exchange.package_format import read_package

    data = read_export(path, public_pem_of(read_package(package).private_key_pem)).data
    voided = {v.sale_uuid for v in data.voids}
    sales = []
    for s in sorted(data.sales, key=lambda s: s.seq):
        lines = tuple(Line(ln.sku, ln.qty, ln.discount_satang, ln.net_satang)
                      for ln in sorted((ln for ln in data.lines if ln.sale_uuid == s.uuid), key=lambda ln: ln.line_no))
        payments = tuple(Payment(p.method, p.amount_satang, p.tendered_satang, p.change_satang, p.state_satang)
                         for p in data.payments if p.sale_uuid == s.uuid)
        sales.append(Sale(s.number, s.total_satang, s.change_satang, lines, payments, s.uuid in voided))
    return sales


@dataclass(frozen=True)
class Word:
    """A word read off the screen and its box in pixels."""

    text: str
    x: int
    y: int
    width: int
    height: int


# --- the screen -----------------------------------------------------------------------------------------------
@dataclass
class Desk:
    """A virtual screen (Xvfb on a free display) with a window manager (openbox)."""

    display: str
    work: Path
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @classmethod
    def start(cls, work: Path) -> Desk:
        need_tools()
        work.mkdir(parents=True, exist_ok=True)
        log = open(work / "xvfb.log", "wb")  # noqa: SIM115 - closed with the process
        r, w = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
                                 "-nolisten", "tcp", "-noreset"], pass_fds=(w,), stdout=log, stderr=log,
                                start_new_session=True)
        os.close(w)
        data, deadline = b"", time.monotonic() + 20
        try:  # Xvfb writes the number, then a newline: read both (closing early kills it with EPIPE)
            while b"\n" not in data and time.monotonic() < deadline:
                ready, _, _ = select.select([r], [], [], max(0.0, deadline - time.monotonic()))
                chunk = os.read(r, 32) if ready else b""
                if not chunk:
                    break
                data += chunk
            number = data.decode().strip()
        finally:
            os.close(r)
            log.close()
        if not number.isdigit():
            xvfb.kill()
            xvfb.wait()
            raise AssertionError(f"Xvfb gave no display number in 20 s: {(work / 'xvfb.log').read_text()[-1500:]}")
        desk = cls(f":{number}", work, [xvfb])
        with open(work / "openbox.log", "wb") as wm_log:
            desk.procs.append(subprocess.Popen(["openbox", "--sm-disable"], env=desk.env(), stdout=wm_log,
                                               stderr=wm_log, start_new_session=True))
        wait_until(desk._wm_running, 20, "openbox to manage the screen")
        return desk

    def env(self) -> dict[str, str]:
        env = dict(os.environ, DISPLAY=self.display)
        env.pop("QT_QPA_PLATFORM", None)  # the suite's offscreen default: the app must use this screen
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def xdo(self, *args: str, stdin: str | None = None, check: bool = True) -> str:
        proc = subprocess.run(["xdotool", *args], env=self.env(), input=stdin, capture_output=True, text=True,
                              timeout=30)
        if check and proc.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed: {proc.stderr.strip()}")
        return proc.stdout

    def _wm_running(self) -> bool:
        if any(proc.poll() is not None for proc in self.procs):
            logs = "".join((self.work / f).read_text(errors="replace") for f in ("xvfb.log", "openbox.log"))
            raise AssertionError(f"Xvfb or openbox ended at start:\n{logs[-1500:]}")
        proc = subprocess.run(["xdotool", "getactivewindow"], env=self.env(), capture_output=True, text=True,
                              timeout=10)
        # without a window manager xdotool says it "claims not to support _NET_ACTIVE_WINDOW"
        return "Can't open display" not in proc.stderr and "claims not to support" not in proc.stderr

    def screenshot(self, path: Path) -> Path:
        """The whole screen as PNG (imagemagick's import)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["import", "-window", "root", str(path)], env=self.env(), capture_output=True, timeout=30,
                       check=True)
        return path

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        self.procs.clear()


# --- the cashier ------------------------------------------------------------------------------------------------
class Cashier:
    """Drives the booth app on ``desk`` for the booth in ``booth.data_dir`` with the keyboard and a scanner."""

    def __init__(self, desk: Desk, booth: Booth, artefacts: Path, *, lang: str = "en") -> None:
        self.desk, self.booth, self.artefacts, self.lang = desk, booth, artefacts, lang
        self.proc: subprocess.Popen[bytes] | None = None
        self.window = ""
        self.starts = 0
        self.shots = 0
        self._store: Any = None
        artefacts.mkdir(parents=True, exist_ok=True)

    # --- the process ------------------------------------------------------------------------------------
    @property
    def log_path(self) -> Path:
        return self.artefacts / f"app-{self.starts}.log"

    def start(self, timeout: float = 45) -> None:
        """Start ``python -m otop_pos`` on the booth's folder and wait until its window is shown and active."""
        assert self.proc is None or self.proc.poll() is not None, "the app is already running"
        self.starts += 1
        env = self.desk.env()
        for name in ("OTOP_POS_PIN", "OTOP_POS_DB"):
            env.pop(name, None)
        env["OTOP_POS_HOME"] = str(self.booth.data_dir)
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "otop_pos", "--lang", self.lang], cwd=ROOT, env=env,
                                         stdout=log, stderr=log, start_new_session=True)
        self.window = ""
        self.window = self.wait(self._main_window, timeout, "the booth window to be shown")
        self.focus()

    def _main_window(self) -> str:
        self._check_alive()
        for wid, name in self.windows().items():
            if MAIN_TITLE.match(name):
                return wid
        return ""

    def _check_alive(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            code = None if self.proc is None else self.proc.returncode
            raise AssertionError(f"the app is not running (exit code {code}); its output:\n{self.log_tail()}")

    def focus(self) -> None:
        """Give the booth window the keyboard (as a vendor clicking on it would)."""
        self.desk.xdo("windowactivate", "--sync", self.window, check=False)
        self.desk.xdo("windowfocus", "--sync", self.window, check=False)
        self.wait(lambda: self.active_window() == self.window, 10, "the booth window to have the keyboard")

    def stop(self, timeout: float = 20) -> int:
        """Close the window as a vendor does (Alt+F4 to the window manager); the exit code."""
        assert self.proc is not None
        self.close_store()
        self.focus()
        self.key("alt+F4")
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.fail(f"the app did not exit {timeout:g} s after Alt+F4")

    def kill9(self) -> None:
        """Pull the plug: SIGKILL, no chance to save anything."""
        assert self.proc is not None
        self.close_store()
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def restart(self) -> None:
        """Start the app again on the same data folder (after stop() or kill9())."""
        self.start()

    def shutdown(self) -> None:
        """Tear-down: end the app whatever its state."""
        self.close_store()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    # --- windows and keys ---------------------------------------------------------------------------------
    def windows(self) -> dict[str, str]:
        """The app's visible windows: id -> title."""
        assert self.proc is not None
        out = self.desk.xdo("search", "--all", "--onlyvisible", "--pid", str(self.proc.pid), "--name", ".",
                            check=False)
        found = {}
        for wid in out.split():
            name = self.desk.xdo("getwindowname", wid, check=False).strip()
            if name:
                found[wid] = name
        return found

    def active_window(self) -> str:
        return self.desk.xdo("getactivewindow", check=False).strip()

    def active_title(self) -> str:
        wid = self.active_window()
        return self.desk.xdo("getwindowname", wid, check=False).strip() if wid else ""

    def dialogs(self) -> list[str]:
        """Titles of the app's open windows other than the main one."""
        return [name for wid, name in self.windows().items() if wid != self.window]

    def wait_window(self, title: str, timeout: float = 10) -> None:
        """Wait until a window whose title starts with ``title`` is open and has the keyboard."""
        self.wait(lambda: self.active_title().startswith(title), timeout,
                  f"a window titled {title!r} to have the keyboard")

    def wait_main(self, timeout: float = 10) -> None:
        """Wait until every dialog is closed and the booth window has the keyboard again."""
        self.wait(lambda: not self.dialogs() and self.active_window() == self.window, timeout,
                  "the dialogs to close and the booth window to have the keyboard")

    def escape_to_main(self, presses: int = 4) -> None:
        """Esc until every dialog is closed (a message on top of a dialog takes one Esc of its own)."""
        for _ in range(presses):
            if not self.dialogs():
                break
            self.key("Escape")
            time.sleep(0.2)
        self.wait_main()

    def settle(self, seconds: float = 0.5) -> None:
        """Give the app time to act on keys whose effect no window shows (a scan into a dialog that must
        refuse it, a hold before the power goes)."""
        time.sleep(seconds)

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def key(self, *names: str) -> None:
        """Press keys (xdotool names: F12, Return, Escape, Tab, alt+F4 …) into whatever has the focus."""
        self._check_alive()
        self.desk.xdo("key", "--delay", "40", *names)

    def type_text(self, text: str, delay_ms: int = 240) -> None:
        """Type like a person (Thai too). xdotool spends ``delay_ms`` on each key, half of it between press and
        release, so presses come about ``delay_ms / 2`` apart (120 ms: a fast typist; a scanner is 3 ms)."""
        self._check_alive()
        self.desk.xdo("type", "--delay", str(delay_ms), "--", text)

    def scan(self, code: str) -> None:
        """A USB scanner: the code as a burst of keys 6 ms apart, then Enter, into whatever has the focus
        (one xdotool run, so the Enter follows as closely as a scanner's)."""
        self._check_alive()
        self.desk.xdo("-", stdin=f"type --delay 6 {code}\nkey Return\n")

    # --- looking ----------------------------------------------------------------------------------------------
    def screenshot(self, name: str = "") -> Path:
        self.shots += 1
        return self.desk.screenshot(self.artefacts / f"{self.shots:02d}-{name or 'screen'}.png")

    def screen_text(self, name: str = "ocr") -> str:
        """What a person reads on the screen now (tesseract over a screenshot, English)."""
        shot = self.screenshot(name)
        texts = []
        for psm in ("3", "11"):   # page layout, then sparse text for very large lone words (the change)
            proc = subprocess.run(["tesseract", str(shot), "-", "-l", "eng", "--psm", psm], capture_output=True,
                                  text=True, timeout=60)
            texts.append(proc.stdout)
        return "\n".join(texts)

    def screen_words(self, name: str = "words") -> list[Word]:
        """The words on the screen now with their boxes (tesseract's TSV), to tell large text from small."""
        shot = self.screenshot(name)
        words = []
        # page layout (3) reads the blocks of text; sparse text (11) also reads very large lone words (the
        # change after a sale) that the page layout skips: the words of both
        for psm in ("3", "11"):
            proc = subprocess.run(["tesseract", str(shot), "-", "-l", "eng", "--psm", psm, "tsv"],
                                  capture_output=True, text=True, timeout=60)
            for row in proc.stdout.splitlines()[1:]:
                cells = row.split("\t")
                if len(cells) == 12 and cells[11].strip():
                    x, y, w, h = (int(v) for v in cells[6:10])
                    words.append(Word(cells[11].strip(), x, y, w, h))
        return words

    def log_tail(self, n: int = 3000) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        errors = self.booth.data_dir / "otop-pos-errors.log"
        if errors.exists():
            text += "\n--- otop-pos-errors.log ---\n" + errors.read_text(errors="replace")
        return text[-n:]

    def errors(self) -> str:
        """Bugs the app logged (its otop-pos-errors.log in the data folder)."""
        path = self.booth.data_dir / "otop-pos-errors.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def fail(self, message: str) -> NoReturn:
        """Fail with what is on screen: a screenshot path, the windows and the app's output."""
        try:
            shot = f"screenshot: {self.screenshot('failure')}"
        except Exception as exc:  # noqa: BLE001 - report the failure, not the screenshot's
            shot = f"(no screenshot: {exc})"
        try:
            wins = f"windows: {list(self.windows().values())}; active: {self.active_title()!r}"
        except Exception:  # noqa: BLE001
            wins = ""
        raise AssertionError(f"{message}\n{shot}\n{wins}\napp output:\n{self.log_tail(1500)}")

    def wait(self, check: Callable[[], Any], timeout: float, what: str) -> Any:
        return wait_until(check, timeout, what, on_timeout=self.fail)

    # --- the money ------------------------------------------------------------------------------------------
    def _open_store(self) -> Any:
        if self._store is None:
            from otop_pos.booth.store import open_booth_store

            self._store = open_booth_store(self.booth.data_dir)
        return self._store

    def close_store(self) -> None:
        if self._store is not None:
            self._store.dispose()
            self._store = None

    def sale_count(self) -> int:
        """How many sales the store holds now (read by the test, beside the running app)."""
        from otop_pos.booth.queries import list_sales

        return len(list_sales(self._open_store()))

    def wait_sales(self, count: int, timeout: float = 15) -> None:
        """Wait until the store holds ``count`` sales."""
        self.wait(lambda: self.sale_count() >= count, timeout, f"sale number {count} to be saved")
        if self.sale_count() > count:
            self.fail(f"expected {count} sales, the store holds {self.sale_count()}")

    def export(self) -> list[Sale]:
        """Every sale of the till, from a fresh signed export (``otop-pos booth export``), verified."""
        out = otop("booth", "export", str(self.artefacts / "usb"), home=self.booth.data_dir)
        return read_signed_export(Path(out.strip().splitlines()[-1]), self.booth.package)


def products() -> dict[str, tuple[str, int, str]]:
    """The demo vendor's catalogue: sku -> (name, price satang, barcode)."""
    import csv

    with open(DEMO / "catalogue.csv", encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.reader(fh)][1:]
    return {r[1]: (r[2], round(float(r[3]) * 100), r[4]) for r in rows if r[0] == VENDOR}


class Till:
    """The module's screen, its set-up booth (copied for each fresh till) and the running app."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.desk = Desk.start(work / "desk")
        try:
            self.template: Booth = make_booth(work / "template")
        except BaseException:
            self.desk.stop()
            raise
        self.current: Cashier | None = None
        self.runs = 0

    def cashier(self) -> Cashier:
        if self.current is None:
            self.runs += 1
            run = self.work / f"till-{self.runs}"
            self.current = Cashier(self.desk, self.template.copy_to(run / "booth"), run / "artefacts")
            self.current.start()
        return self.current

    def discard(self) -> None:
        if self.current is not None:
            self.current.shutdown()
            self.current = None

    def close(self) -> None:
        self.discard()
        self.desk.stop()
