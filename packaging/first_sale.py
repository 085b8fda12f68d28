"""From an installed otop-pos to a sale on the demo booth with no terminal: the issue's "one install command,
no terminal after it", checked on a virtual screen as a vendor meets it.

The booth's menu entry is started exactly as the desktop starts it (its ``Exec=`` line, as an ordinary user, a
fresh home, a clean environment), the first-run wizard is answered with the keyboard (language, paper, "Try the
demo fair"), a product is scanned (a USB scanner: a burst of keys, then Enter, into whatever has the focus), paid
in cash with change, and the sale is read back with the installed CLI.

    python packaging/first_sale.py --desktop /usr/share/applications/otop-pos.desktop --out build/check-deb
(``packaging/check_deb.sh`` runs it after ``dpkg -i``; it needs root to start the app as ``nobody``.)
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from cashier import Desk, wait_until  # noqa: E402  (the suite's screen: Xvfb + openbox + xdotool)

BARCODE, PRICE_SATANG = "8851437147262", 6000  # the demo shop's แจ่วบอง, ฿60
TENDERED, FLOAT = "100", "500"
SHOP = "กลุ่มทอผ้าบ้านโนนทัน"  # the demo vendor's shop


def _desktop_exec(desktop: Path) -> list[str]:
    """The command of a menu entry's ``Exec=`` line."""
    for line in desktop.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            return shlex.split(line[len("Exec="):])
    raise SystemExit(f"{desktop} has no Exec= line")


class Vendor:
    """An ordinary user with a fresh home, who starts programs from the menu (``uid``: None = as we are)."""

    def __init__(self, home: Path, uid: int | None, display: str) -> None:
        self.home, self.uid, self.display = home, uid, display

    def argv(self, command: list[str], *, screen: bool = False) -> list[str]:
        env = [f"HOME={self.home}", "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=th_TH.UTF-8", "OTOP_POS_SOUND=0"]
        if screen:
            env.append(f"DISPLAY={self.display}")
        prefix = [] if self.uid is None else ["setpriv", f"--reuid={self.uid}", f"--regid={self.uid}",
                                              "--clear-groups"]
        return [*prefix, "env", "-i", *env, *command]

    def run(self, command: list[str]) -> str:
        proc = subprocess.run(self.argv(command), cwd="/", capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}): {proc.stderr[-1500:]}")
        return proc.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desktop", type=Path, default=Path("/usr/share/applications/otop-pos.desktop"))
    parser.add_argument("--cli", default="otop-pos", help="the installed command, to read the sale back")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "check-deb")
    parser.add_argument("--uid", type=int, default=65534 if os.getuid() == 0 else -1,
                        help="the user to start the app as (default nobody when root; -1: as we are)")
    args = parser.parse_args(argv)
    if args.uid < 0:
        args.uid = None
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="otop-first-sale-"))
    if args.uid is not None:
        os.chown(home, args.uid, args.uid)
    home.chmod(0o755)
    desk = Desk.start(out / "first-sale-desk")
    vendor = Vendor(home, args.uid, desk.display)
    command = _desktop_exec(args.desktop)
    started = time.monotonic()
    log = open(out / "first-sale-app.log", "wb")  # noqa: SIM115 - closed below
    app = subprocess.Popen(vendor.argv(command, screen=True), cwd="/", stdout=log, stderr=log,
                           start_new_session=True)
    shots = 0

    def shot(name: str) -> None:
        nonlocal shots
        shots += 1
        desk.screenshot(out / f"first-sale-{shots:02d}-{name}.png")

    def titles() -> dict[str, str]:
        ids = desk.xdo("search", "--onlyvisible", "--name", ".", check=False).split()
        return {i: desk.xdo("getwindowname", i, check=False).strip() for i in ids}

    def window(pattern: str, timeout: float = 30) -> str:
        """Wait for a window whose title matches ``pattern`` (a regular expression); make it the active one."""
        def find() -> str:
            if app.poll() is not None:
                raise SystemExit(f"the app ended ({app.returncode}): {(out / 'first-sale-app.log').read_text()[-2000:]}")
            found = [wid for wid, name in titles().items() if re.search(pattern, name)]
            return found[-1] if found else ""

        def shown(why: str) -> None:
            shot("timeout")
            raise SystemExit(f"{why}; windows shown: {list(titles().values())}")
        wid = wait_until(find, timeout, f"a window titled {pattern!r}", on_timeout=shown)
        desk.xdo("windowactivate", "--sync", wid, check=False)
        return wid

    def keys(*names: str) -> None:
        desk.xdo("key", "--delay", "120", *names)
        time.sleep(0.6)

    try:
        window("ตั้งค่าบูธนี้|Set up this booth", timeout=60)
        shown = time.monotonic() - started
        shot("wizard")
        keys("Return")          # the language page: Thai is chosen, Enter goes on
        keys("Return")          # the paper page: 58 mm is chosen, Enter goes on
        shot("choices")
        keys("Tab", "Tab")
        shot("demo-chosen")
        keys("Return")          # "ทดลองใช้กับงานตัวอย่าง" (Try the demo fair), the third choice
        window("^เปิดวันขาย — OTOP POS$", timeout=60)   # the demo booth asks for the day's float first
        shot("open-day")
        desk.xdo("type", "--delay", "120", "--", FLOAT)
        keys("Return")
        window(f"^{re.escape(SHOP)} — OTOP POS$", timeout=15)
        time.sleep(1.0)
        shot("booth")
        desk.xdo("-", stdin=f"type --delay 6 {BARCODE}\nkey Return\n")  # the scanner
        time.sleep(1.0)
        keys("F12")
        window("ชำระเงิน|Payment", timeout=15)
        desk.xdo("type", "--delay", "120", "--", TENDERED)
        shot("pay")
        keys("Return")
        time.sleep(2.0)
        shot("after-sale")
        sales = json.loads(vendor.run([args.cli, "booth", "sales", "--json"]))
        report = json.loads(vendor.run([args.cli, "booth", "report", "--json"]))
    finally:
        app.terminate()
        try:
            app.wait(15)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
        log.close()
        desk.stop()
        shutil.rmtree(home, ignore_errors=True)
    rows = sales if isinstance(sales, list) else sales.get("sales", [])
    if [(r["status"], r["total_satang"], r["methods"]) for r in rows] != [("sale", PRICE_SATANG, ["cash"])]:
        raise SystemExit(f"expected one cash sale of {PRICE_SATANG} satang, the store has: {json.dumps(rows)[:800]}")
    if (report["net_satang"], report["sales_count"]) != (PRICE_SATANG, 1):
        raise SystemExit(f"the day's report does not show the sale: {json.dumps(report)[:800]}")
    print(json.dumps({"wizard_shown_s": round(shown, 2), "sale": rows[0]["number"],
                      "total_satang": rows[0]["total_satang"], "screens": str(out)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
