"""The sell screen at 1024×600 in Thai with libthai unavailable, long names first: Thai wraps by word anyway.

``python -m otop_pos.ui.screenshot_thai_wrap [out.png]`` builds a stand-in ``libthai.so.0`` without its
functions (needs a C compiler), runs itself again with it first on ``LD_LIBRARY_PATH`` (Qt opens libthai
at run time and finds nothing, as on Windows) and says whether the real libthai was loaded.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from otop_pos.core.vocabulary import PRODUCT_TYPE

# the built-in product types in the vocabulary's order: food, drinks, cloth, household, herbal
_FOOD, _DRINKS, _CLOTH, _HOUSEHOLD, _HERBAL = PRODUCT_TYPE.builtin_keys()
LONG_NAMES = (   # longer names in the registry's style; each word fits a tile, the whole name does not
    ("W-01", "ผ้าไหมมัดหมี่ทอมือบ้านโนนสวรรค์ลายดอกไม้", _CLOTH, 250000),
    ("W-02", "กระเป๋าสานเตยปาหนันลายดอกไม้สีธรรมชาติ", _HOUSEHOLD, 69000),
    ("W-03", "ข้าวหอมมะลิอินทรีย์กลุ่มเกษตรกรบ้านหนองบัว", _FOOD, 18000),
    ("W-04", "น้ำพริกปลาร้าบองสมุนไพรแม่บ้านเกษตรกร", _FOOD, 6500),
)
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "thai-wrap-no-libthai.png"


def _stub_dir() -> Path:
    """A folder holding a ``libthai.so.0`` that has none of libthai's functions."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        raise SystemExit("a C compiler (cc) is needed for the libthai stand-in")
    folder = Path(tempfile.mkdtemp(prefix="otop-nolibthai-"))
    (folder / "stub.c").write_text("int otop_no_libthai = 1;\n")
    subprocess.run([cc, "-shared", "-fPIC", "-Wl,-soname,libthai.so.0", "-o", str(folder / "libthai.so.0"),
                    str(folder / "stub.c")], check=True)
    return folder


def _libthai_loaded() -> str:
    """The libthai file this process has mapped ("" when none)."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return "unknown"
    found = [line.split()[-1] for line in maps.splitlines() if "libthai" in line]
    return found[0] if found else ""


def _shoot(out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from otop_pos.ui.context import BoothContext
    from otop_pos.ui.main_window import MainWindow
    from otop_pos.ui.screenshots import _pump, build_store
    from otop_pos.ui.theme import apply_theme

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("OTOP_POS_SOUND", "0")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="otop-shots-") as tmp:
        service = build_store(Path(tmp) / "booth")
        try:
            for sku, name, kind, price in LONG_NAMES:
                service.save_product(sku=sku, name=name, product_type=kind, price_satang=price)
            apply_theme(app, 600)
            ctx = BoothContext(service, lang="th", workers=False)
            w = MainWindow(ctx)
            w.resize(1024, 600)
            w.show()
            _pump(200)
            products = sorted(ctx.index.products, key=lambda p: -len(p.name))
            w.sell.grid.set_products(products)
            _pump(100)
            out.parent.mkdir(parents=True, exist_ok=True)
            w.grab().save(str(out))
            w.close()
            ctx.shutdown()
        finally:
            service.close()
    print(out, "libthai:", _libthai_loaded() or "not loaded")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DEFAULT_OUT
    if os.environ.get("OTOP_NO_LIBTHAI_CHILD"):
        _shoot(out)
        return 0
    env = dict(os.environ, OTOP_NO_LIBTHAI_CHILD="1", QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    stub = _stub_dir()
    try:
        env["LD_LIBRARY_PATH"] = os.pathsep.join(p for p in (str(stub), env.get("LD_LIBRARY_PATH", "")) if p)
        return subprocess.run([sys.executable, "-m", "otop_pos.ui.screenshot_thai_wrap", str(out)],
                              env=env).returncode
    finally:
        shutil.rmtree(stub, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
