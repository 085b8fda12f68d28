"""packaging/check_clean_root.sh is wired: it parses, shellcheck finds nothing to warn of, it undoes what it
mounts and refuses a missing package before touching anything. The run itself (a debootstrap root, apt,
the windows under Xvfb) is root's and minutes long: `sudo bash packaging/check_clean_root.sh`, outside the
suite."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "packaging" / "check_clean_root.sh"


def test_the_script_parses_and_shellcheck_warns_of_nothing() -> None:
    subprocess.run(["bash", "-n", str(SCRIPT)], check=True)
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed (apt-get install shellcheck; `bash .ci/dev test` installs it)")
    res = subprocess.run(["shellcheck", "-S", "warning", str(SCRIPT)], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout


def test_every_mount_is_undone_and_removal_stays_on_its_file_system() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert "trap cleanup EXIT" in text
    mounts = [line for line in text.splitlines() if re.match(r"\s*mount\b", line)]
    assert mounts == ['  mount "${@:2}" "$root/$1"'], mounts      # every mount goes through mount_in …
    assert 'mounted+=("$root/$1")' in text                         # … which records it for cleanup's umount
    assert re.search(r'umount "\$\{mounted\[i\]\}"', text)
    for line in text.splitlines():                                 # never rm -rf across a bind mount of /dev
        if "rm -rf" in line:
            assert "--one-file-system" in line, line
    # the root's own PID namespace and /proc: preinst/prerm's "is a till open?" must not see the host's apps
    assert re.search(r'unshare --pid --fork --kill-child --mount --mount-proc="\$root/proc"', text)
    assert text.count('nsenter --target "$ns_init" --pid --mount chroot') == 2   # as root and as the user


def test_help_and_a_missing_package_touch_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "OTOP_CLEAN_ROOT_CACHE": str(tmp_path / "cache")}
    shown = subprocess.run(["bash", str(SCRIPT), "--help"], capture_output=True, text=True, env=env)
    assert shown.returncode == 0 and "debootstrap" in shown.stdout and "--older OLD.deb" in shown.stdout
    res = subprocess.run(["bash", str(SCRIPT), str(tmp_path / "otop-pos_9_amd64.deb")], capture_output=True,
                         text=True, env=env)
    assert res.returncode == 2, res.stderr
    assert not (tmp_path / "cache").exists()


def test_build_deb_takes_a_version_for_the_older_package() -> None:
    text = (ROOT / "packaging" / "build_deb.sh").read_text(encoding="utf-8")
    assert "version=${VERSION:-$(" in text
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "packaging/check_clean_root.sh" in readme
