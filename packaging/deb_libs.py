"""What the frozen folder needs from the system: the Debian packages for ``Depends:`` and the newest GLIBC.

    python packaging/deb_libs.py dist/pyinstaller/otop-pos            # Depends line, then a summary on stderr
    python packaging/deb_libs.py dist/pyinstaller/otop-pos --glibc    # only the newest GLIBC_x.y needed

Every ELF file of the folder goes through ``ldd`` with the folder's own library paths (as the frozen
executable sets them); what resolves outside the folder is mapped to its Debian package with ``dpkg -S``.
Libraries that resolve nowhere on this machine (optional back ends of Qt plugins, e.g. PulseAudio for the
sounds) are mapped through KNOWN, and an unknown one is listed so the build can fail on it.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

#: sonames that may be missing on the build machine, with the Debian 12 package that has them
KNOWN = {
    "libpulse.so.0": "libpulse0", "libgtk-3.so.0": "libgtk-3-0", "libgdk-3.so.0": "libgtk-3-0",
    "libwayland-cursor.so.0": "libwayland-cursor0", "libwayland-egl.so.1": "libwayland-egl1",
    "libusb-1.0.so.0": "libusb-1.0-0", "libthai.so.0": "libthai0", "libxcb-cursor.so.0": "libxcb-cursor0",
}
#: always needed although no ELF file names them: pyusb opens libusb by ctypes, Qt loads libthai at run time
#: for Thai line breaking, the desktop launches through xdg
ALWAYS = ["libusb-1.0-0", "libthai0"]
#: sonames Qt plugins we do not ship would want; never a dependency
IGNORED = {"libgtk-3.so.0", "libgdk-3.so.0"}
_GLIBC = re.compile(r"\s0x[0-9a-f]+ 0x[0-9a-f]+ \d+ GLIBC_(\d+)\.(\d+)(?:\.(\d+))?")


def elf_files(folder: Path) -> list[Path]:
    out = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    out.append(path)
    return sorted(out)


def library_dirs(folder: Path) -> list[str]:
    dirs = {str(p.parent) for p in folder.rglob("*.so*")}
    return sorted(dirs)


def ldd_outside(folder: Path, files: list[Path], broken: list[str]) -> tuple[set[str], set[str]]:
    """(paths of the system libraries the folder's files name directly, sonames found nowhere); a library
    the loader cannot load (a damaged file) is added to ``broken``.

    Only direct needs (NEEDED) count, so ``Depends:`` names what we link to, not what those libraries pull in."""
    env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": ":".join(library_dirs(folder))}
    bundled = {p.name for p in folder.rglob("*.so*")}
    outside: set[str] = set()
    missing: set[str] = set()
    root = str(folder.resolve())
    for path in files:
        dump = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
        needed = set(re.findall(r"^\s*NEEDED\s+(\S+)", dump, re.M)) - bundled
        res = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        if "error while loading" in res.stdout + res.stderr or "not a dynamic" in res.stdout + res.stderr:
            broken.append(f"{path.relative_to(folder)}: {(res.stderr or res.stdout).strip()}")
        for line in res.stdout.splitlines():
            parts = line.split()
            if not parts or parts[0] not in needed:
                continue
            if "not found" in line:
                missing.add(parts[0])
            elif "=>" in line:
                target = line.split("=>")[1].split("(")[0].strip()
                if target and not os.path.realpath(target).startswith(root):
                    outside.add(target)
    return outside, missing


def owner(path: str) -> str | None:
    """The Debian package holding ``path`` (trying the merged-/usr twins)."""
    candidates = [path, os.path.realpath(path)]
    for p in list(candidates):
        if p.startswith("/usr/lib/"):
            candidates.append(p[4:])
        elif p.startswith("/lib/"):
            candidates.append("/usr" + p)
    for p in candidates:
        res = subprocess.run(["dpkg", "-S", p], capture_output=True, text=True)
        if res.returncode == 0:
            return res.stdout.split(":")[0].strip()
    return None


def newest_glibc(files: list[Path]) -> tuple[tuple[int, ...], str]:
    """The newest GLIBC_x.y symbol version any file needs (its "Version References", from objdump -p)."""
    best: tuple[int, ...] = (0,)
    where = ""
    for path in files:
        res = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True)
        for m in _GLIBC.finditer(res.stdout):
            version = tuple(int(g) for g in m.groups() if g is not None)
            if version > best:
                best, where = version, path.name
    return best, where


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    files = elf_files(folder)
    glibc, where = newest_glibc(files)
    glibc_text = "GLIBC_" + ".".join(map(str, glibc))
    if "--glibc" in argv:
        print(f"{glibc_text} ({where})")
        return 0
    broken: list[str] = []
    outside, missing = ldd_outside(folder, files, broken)
    packages = set(ALWAYS)
    unknown = []
    for path in sorted(outside):
        pkg = owner(path)
        if pkg is None:
            unknown.append(path)
        else:
            packages.add(pkg)
    for soname in sorted(missing - IGNORED):
        if soname in KNOWN:
            packages.add(KNOWN[soname])
        else:
            unknown.append(soname)
    packages.discard("libc6")
    depends = [f"libc6 (>= {glibc[0]}.{glibc[1]})"] + sorted(packages)
    print(", ".join(depends))
    print(f"{len(files)} ELF files; {len(outside)} system libraries from {len(packages)} packages; "
          f"newest symbol needed: {glibc_text} ({where})", file=sys.stderr)
    if broken:
        print("libraries the loader refuses:\n  " + "\n  ".join(broken), file=sys.stderr)
    if unknown:
        print("no Debian package known for: " + ", ".join(unknown), file=sys.stderr)
    if broken or unknown:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
