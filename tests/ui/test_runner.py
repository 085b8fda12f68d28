"""The operation runner both windows use: work off the GUI thread, results, errors and progress back on it."""
from __future__ import annotations

import threading
from typing import Any

from otop_pos.core.errors import InputError
from otop_pos.ui.runner import OperationRunner


def test_results_errors_and_progress_arrive_on_the_gui_thread(qtbot: Any, qapp: Any) -> None:
    runner = OperationRunner(threads=1)
    gui = threading.current_thread()
    seen: list[tuple[str, object, bool]] = []
    worker_threads: list[threading.Thread] = []

    def work() -> int:
        worker_threads.append(threading.current_thread())
        return 42

    def failing() -> None:
        raise InputError("ผิด", "wrong")

    def counting(progress: Any) -> str:
        for i in range(3):
            progress(i, "step")
        return "done"

    busy: list[bool] = []
    runner.busyChanged.connect(busy.append)
    runner.run(work, lambda r: seen.append(("done", r, threading.current_thread() is gui)))
    runner.run(failing, None, lambda e: seen.append(("error", e.en, threading.current_thread() is gui)))
    runner.run(counting, lambda r: seen.append(("done", r, threading.current_thread() is gui)),
               on_progress=lambda i, what: seen.append(("progress", (i, what), threading.current_thread() is gui)))
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    assert seen == [("done", 42, True), ("error", "wrong", True), ("progress", (0, "step"), True),
                    ("progress", (1, "step"), True), ("progress", (2, "step"), True), ("done", "done", True)]
    assert worker_threads and worker_threads[0] is not gui      # the work itself ran off the GUI thread
    assert busy == [True, False]


def test_an_operation_whose_window_is_gone_does_not_break_the_runner(qtbot: Any, qapp: Any) -> None:
    runner = OperationRunner(threads=2)

    def gone(_result: object) -> None:
        raise RuntimeError("Internal C++ object (QLabel) already deleted.")
    runner.run(lambda: 1, gone)
    later: list[int] = []
    runner.run(lambda: 2, later.append)
    qtbot.waitUntil(lambda: later == [2], timeout=10000)
    assert runner.wait(1000)
