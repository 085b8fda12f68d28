"""The full-size crash soak: a selling process SIGKILLed ~200 times on one booth store, nothing lost or half-done.

    .venv/bin/python benchmarks/bench_sigkill.py [--rounds 200] [--seed 20201026] [--dir /local/disk]

The test suite runs the same soak (``tests/booth/test_reliability.py::sigkill_soak``) with 40 forked kills to
keep the test command short; this script runs it at full size. A data folder is set up with the real CLI for
the demo vendor KK20-0018, then the real ``otop-pos booth simulate``, a cold driver and a driver forked from a
long-lived server are killed in turn (``--rounds`` forked kills); ``verify_store`` checks the store (hash chain,
numbering, every reported document present and unchanged) after every quarter of the rounds and at the end.
Prints the kills, the documents in the store and the time per kill; exits 1 when a check fails.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.booth.test_reliability import sigkill_soak, set_up_cli_home  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=200, help="forked kills (the suite runs 40)")
    ap.add_argument("--seed", type=int, default=20201026)
    ap.add_argument("--dir", type=Path, default=None, help="where the temporary data folder goes")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sigkill-", dir=args.dir) as tmp:
        t0 = time.monotonic()
        home = set_up_cli_home(Path(tmp) / "home")
        setup_s = time.monotonic() - t0
        try:
            fig = sigkill_soak(home, rounds=args.rounds, seed=args.seed)
        except AssertionError as exc:
            print(f"FAILED: {exc}")
            return 1
    print(f"set-up with the CLI:        {setup_s:6.1f} s")
    print(f"kills:                      {fig.kills} ({fig.cli_kills} of the CLI, 3 of the cold driver, "
          f"{fig.kills - fig.cli_kills - 3} forked, {fig.early_kills} of them while opening the store)")
    print(f"documents in the store:     {fig.docs} ({fig.sales} sales, {fig.adjustments} voids and refunds)")
    print(f"soak:                       {fig.seconds:6.1f} s, {1000 * fig.seconds / fig.kills:.0f} ms per kill")
    print("every check passed: nothing lost, nothing half-done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
