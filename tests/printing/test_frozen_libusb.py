"""The frozen app finds the system's libusb (red-team finding, issue 16): PyInstaller's pyusb runtime hook makes
pyusb look for libusb only inside the bundle, and the .deb leaves libusb out of it (Depends: libusb-1.0-0), so
every ``usb:`` printer said "libusb is not installed". Here the real runtime hook is run against an empty bundle
folder, as in /opt/otop-pos/_internal, and the system's libusb (installed by the test command) must still load."""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

usb = pytest.importorskip("usb")
import usb.backend.libusb1 as libusb1  # noqa: E402
import usb.core  # noqa: E402


def _runtime_hook() -> Path:
    import _pyinstaller_hooks_contrib

    hook = Path(_pyinstaller_hooks_contrib.__file__).parent / "rthooks" / "pyi_rth_usb.py"
    if not hook.exists():
        pytest.skip("PyInstaller is not installed (it is in the test extras: `bash .ci/dev test` installs it)")
    return hook


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pyusb as the frozen app has it: the runtime hook's loader, a bundle folder without libusb, nothing cached."""
    hook = _runtime_hook()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    for module in ("usb.backend.libusb1", "usb.backend.libusb0", "usb.backend.openusb"):
        mod = sys.modules.get(module) or __import__(module, fromlist=["_load_library"])
        monkeypatch.setattr(mod, "_load_library", mod._load_library)
    monkeypatch.setattr(libusb1, "_lib", None)
    monkeypatch.setattr(libusb1, "_lib_object", None)
    runpy.run_path(str(hook))


def test_without_the_fallback_the_frozen_app_finds_no_libusb(frozen: None) -> None:
    assert libusb1.get_backend() is None          # the defect: "USB printing needs libusb, which is not installed"


def test_the_frozen_app_loads_the_systems_libusb(frozen: None) -> None:
    from otop_pos.printing.transports.usb import use_system_libusb

    use_system_libusb()
    use_system_libusb()                           # twice is once
    backend = libusb1.get_backend()
    assert backend is not None and hasattr(libusb1._lib, "libusb_init")
    usb.core.find(find_all=True, backend=backend)  # the bus can be listed with it (no devices needed)


def test_finding_usb_printers_uses_the_fallback(frozen: None) -> None:
    from otop_pos.printing.printer import list_usb_printers

    assert list_usb_printers() == []              # no printer here, but no "no backend" either
    assert libusb1._lib_object is not None
