"""The packaged app's figures (issue 16): .deb size, installed size, `otop-pos --help` time and the booth window
painted time from a cold first start, of the frozen build (the installed /usr/bin/otop-pos when the .deb is
installed, else dist/pyinstaller/otop-pos). Run after `bash .ci/dev package`:

    python benchmarks/package_sizes.py [DEB] [--drop-caches]

Each start runs from / in a clean environment (env -i, a fresh HOME), as the menu entry would. "Painted" is the
moment the virtual screen (Xvfb, 1024×600) first shows the window's content (more than 50 colours on screen),
measured from the process start; the first start also sets the demo booth up, as a vendor's first start does.
With --drop-caches (root) the kernel's page cache is emptied before the first --help and the first window, so
"cold" means read from disk, as after a reboot (it slows whatever else runs on the machine for a moment).
"""
from __future__ import annotations

import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"deb_mb": 120.0, "installed_mb": 350.0, "help_s": 1.0, "painted_s": 3.0}


def app_binary() -> Path:
    installed = Path("/usr/bin/otop-pos")
    if installed.exists():
        return installed
    return ROOT / "dist" / "pyinstaller" / "otop-pos" / "otop-pos"


def installed_mb(deb: Path) -> float:
    if Path("/opt/otop-pos").is_dir():
        folder = Path("/opt/otop-pos")
        return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["dpkg-deb", "-x", str(deb), tmp], check=True)
        return sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def clean_env(home: str, **extra: str) -> dict[str, str]:
    return {"HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **extra}


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def help_times(app: Path, runs: int = 5, cold: bool = False) -> list[float]:
    out = []
    if cold:
        drop_caches()
    with tempfile.TemporaryDirectory() as home:
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([str(app), "--help"], cwd="/", env=clean_env(home), check=True, capture_output=True)
            out.append(time.perf_counter() - t0)
    return out


def colours_on_screen(display: str) -> int:
    """How many distinct pixel values the root window shows (xwd, sampled)."""
    raw = subprocess.run(["xwd", "-root", "-silent", "-display", display], capture_output=True).stdout
    if len(raw) < 100:
        return 0
    header = struct.unpack(">I", raw[:4])[0]
    ncolors = struct.unpack(">I", raw[76:80])[0]
    pixels = raw[header + 12 * ncolors:]
    return len({pixels[i:i + 4] for i in range(0, len(pixels) - 4, 4 * 97)})


def painted_time(app: Path, home: str, display_no: int, args: list[str]) -> float | None:
    display = f":{display_no}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1024x600x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            if colours_on_screen(display) > 0:
                break
            time.sleep(0.1)
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(app), *args], cwd="/", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=clean_env(home, DISPLAY=display, OTOP_POS_SOUND="0"))
        try:
            while time.perf_counter() - t0 < 30:
                if colours_on_screen(display) > 50:
                    return time.perf_counter() - t0
                if proc.poll() is not None:
                    return None
                time.sleep(0.02)
            return None
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
    finally:
        xvfb.terminate()
        xvfb.wait()


def main(argv: list[str]) -> int:
    cold = "--drop-caches" in argv
    argv = [a for a in argv if a != "--drop-caches"]
    debs = sorted((ROOT / "dist").glob("otop-pos_*.deb"), key=lambda p: p.stat().st_mtime)
    deb = Path(argv[0]) if argv else (debs[-1] if debs else None)
    if deb is None:
        print("no .deb in dist/: run `bash .ci/dev package` first", file=sys.stderr)
        return 2
    app = app_binary()
    figures: dict[str, float | None] = {"deb_mb": deb.stat().st_size / 1e6, "installed_mb": installed_mb(deb)}
    helps = help_times(app, cold=cold)
    figures["help_s"] = statistics.median(helps)
    home = tempfile.mkdtemp(prefix="otop-bench-home-")
    try:
        if cold:
            drop_caches()
        first = painted_time(app, home, 150 + os.getpid() % 50, ["--demo", "--lang", "th"])
        warm = [painted_time(app, home, 150 + os.getpid() % 50, ["--lang", "th"]) for _ in range(2)]
    finally:
        shutil.rmtree(home, ignore_errors=True)
    figures["painted_s"] = first
    print(f"app: {app}")
    print(f"{deb.name}: {figures['deb_mb']:.1f} MB (target ≤ {TARGETS['deb_mb']:.0f})")
    print(f"installed: {figures['installed_mb']:.1f} MB (target ≤ {TARGETS['installed_mb']:.0f})")
    print(f"otop-pos --help: median {figures['help_s']:.3f} s of {len(helps)} "
          f"(first {helps[0]:.3f} s{' from disk' if cold else ''}; target ≤ {TARGETS['help_s']:.0f})")
    warm_text = ", ".join(f"{w:.2f} s" if w is not None else "not painted" for w in warm)
    print(f"booth window painted, first start (demo booth set up{', from disk' if cold else ''}): "
          + (f"{first:.2f} s" if first is not None else "NOT PAINTED") + f" (target ≤ {TARGETS['painted_s']:.0f}); "
          f"next starts: {warm_text}")
    ok = all(figures[k] is not None and figures[k] <= TARGETS[k] for k in TARGETS)  # type: ignore[operator]
    print("all targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
