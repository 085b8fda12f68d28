"""The .deb's pieces a person relies on, checked without building anything (the build itself is
`bash .ci/dev package`, checked by packaging/check_deb.sh outside the test suite)."""
from __future__ import annotations

import configparser
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEB = ROOT / "packaging" / "deb"


def test_the_spec_lays_data_out_where_the_frozen_app_looks() -> None:
    spec = (ROOT / "packaging" / "otop-pos.spec").read_text(encoding="utf-8")
    for dest in ("otop_pos/resources/fonts", "otop_pos/resources/sounds", "otop_pos/resources/demo",
                 "otop_pos/resources/i18n", "otop_pos/core/data", "otop_pos/migrations"):
        assert f'"{dest}' in spec, dest
    assert "exclude_binaries=True" in spec and "COLLECT(" in spec   # one folder, never one file
    assert "PySide6.QtQml" in spec and "PySide6.QtQuick" in spec and "opengl32sw" in spec


def test_udev_rule_gives_the_seat_user_printers_before_the_seat_rules() -> None:
    rule = DEB / "70-otop-pos-printers.rules"
    assert int(rule.name.split("-")[0]) < 73          # 73-seat-late.rules turns uaccess into the user's ACL
    text = rule.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert any('ENV{ID_USB_INTERFACES}=="*:0701??:*"' in line and 'TAG+="uaccess"' in line for line in lines)
    vendors = set(re.findall(r'ATTR\{idVendor\}=="([0-9a-f]{4})", TAG\+="uaccess"', text))
    assert {"04b8", "0416", "0fe6", "0519"} <= vendors   # Epson, Xprinter/POS-58, Rongta, Star
    assert "MODE=" not in text and "GROUP=" not in text   # no world-writable node, no group to join


def test_desktop_entries_name_both_windows_in_thai_and_english() -> None:
    for name, exec_line in (("otop-pos.desktop", "otop-pos"), ("otop-pos-organiser.desktop", "otop-pos organiser")):
        entry = configparser.ConfigParser(interpolation=None, strict=True)
        entry.optionxform = str  # type: ignore[assignment,method-assign]
        entry.read(DEB / name, encoding="utf-8")
        section = entry["Desktop Entry"]
        assert section["Exec"] == exec_line
        assert section["Name"].isascii() and re.search("[\u0e00-\u0e7f]", section["Name[th]"])
        assert section["Icon"] == name.removesuffix(".desktop")
        # the window class each app sets (Qt takes it from the application name) groups it under its own entry
        app = ROOT / "otop_pos" / "ui" / ("organiser/app.py" if "organiser" in name else "booth_app.py")
        assert f'setApplicationName("{section["StartupWMClass"]}")' in app.read_text(encoding="utf-8")
        assert section["StartupWMClass"] == name.removesuffix(".desktop")


def test_removal_scripts_never_touch_the_vendors_data() -> None:
    for script in ("till-open-check", "postinst", "postrm"):
        code = [line for line in (DEB / script).read_text(encoding="utf-8").splitlines()
                if not line.lstrip().startswith("#")]
        assert not any(re.search(r"\brm\b|\.local/share|/home", line) for line in code), script
        subprocess.run(["sh", "-n", str(DEB / script)], check=True)


def test_icons_are_drawn(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py"), str(tmp_path)], check=True,
                   capture_output=True)
    from PIL import Image

    for name in ("otop-pos", "otop-pos-organiser"):
        with Image.open(tmp_path / f"{name}-256.png") as img:
            assert img.size == (256, 256) and len(img.getcolors(maxcolors=1 << 16) or ()) > 3
    for name in ("otop-pos", "otop-pos-organiser"):     # the Windows executables' and the organiser entry's icons
        with Image.open(tmp_path / f"{name}.ico") as ico:
            assert ico.format == "ICO" and (256, 256) in ico.info["sizes"]
