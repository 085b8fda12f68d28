"""#16 item 3: printing RAW through the Windows spooler, with a simulated spooler in place of pywin32.

Nothing here ran on Windows: the fake (tests/printing/fake_win32print.py) answers the calls the way the
pywin32 documentation describes them, and every job outcome is played through it.
"""
from __future__ import annotations

from typing import Any

import pytest

from otop_pos.core.errors import PrinterError
from otop_pos.printing import printer as printer_mod
from otop_pos.printing.printer import ReceiptPrinter, list_printers
from otop_pos.printing.transports import win32raw
from otop_pos.printing.transports.spec import PrinterSpec, PrinterSpecError, open_transport, parse_printer_spec
from otop_pos.printing.transports.win32raw import (
    JOB_STATUS_BLOCKED_DEVQ,
    JOB_STATUS_COMPLETE,
    JOB_STATUS_DELETING,
    JOB_STATUS_ERROR,
    JOB_STATUS_OFFLINE,
    JOB_STATUS_PAPEROUT,
    JOB_STATUS_PRINTED,
    JOB_STATUS_USER_INTERVENTION,
    PRINTER_ATTRIBUTE_WORK_OFFLINE,
    PRINTER_STATUS_DOOR_OPEN,
    PRINTER_STATUS_OFFLINE,
    PRINTER_STATUS_PAPER_OUT,
    PRINTER_STATUS_PAUSED,
    Win32RawTransport,
    list_windows_printers,
)
from tests.printing.escpos_decode import black_ratio, decode
from tests.printing.fake_win32print import GONE, PRINTING, FakeClock, FakeQueue, FakeWin32Print, FakeWinError

QUEUE = "XP-58 Receipt"
RECEIPT = b"\x1b@" + b"hello" + b"\n" * 3 + b"\x1dV\x00"
SPOOL_CALLS = ["OpenPrinter", "StartDocPrinter", "StartPagePrinter", "WritePrinter", "EndPagePrinter",
               "EndDocPrinter"]


def transport(spooler: FakeWin32Print, clock: FakeClock | None = None, timeout: float = 15.0,
              queue: str = QUEUE) -> Win32RawTransport:
    clock = clock or FakeClock()
    return Win32RawTransport(queue, timeout=timeout, poll=0.25, win32print=spooler, clock=clock, sleep=clock.sleep)


def failed_send(spooler: FakeWin32Print, clock: FakeClock | None = None, **kw: Any) -> PrinterError:
    with pytest.raises(PrinterError) as info:
        transport(spooler, clock, **kw).send(RECEIPT)
    assert spooler.open_handles == set()                 # the queue handle is closed whatever happened
    return info.value


# --- jobs ----------------------------------------------------------------------------------------------
def test_a_job_printed_at_once_is_spooled_raw_and_the_queue_closed() -> None:
    spooler, clock = FakeWin32Print(FakeQueue(QUEUE, script=[GONE])), FakeClock()
    transport(spooler, clock).send(RECEIPT)
    assert spooler.calls == SPOOL_CALLS + ["GetJob", "ClosePrinter"]
    [job] = spooler.jobs.values()
    assert job.datatype == "RAW" and bytes(job.data) == RECEIPT and not job.deleted
    assert clock.sleeps == []                            # no waiting when the spooler is done at once


def test_the_test_page_reaches_the_queue_as_the_same_esc_pos_bytes() -> None:
    spooler = FakeWin32Print(FakeQueue(QUEUE, script=[PRINTING, PRINTING, JOB_STATUS_PRINTED]))
    clock = FakeClock()
    printer = ReceiptPrinter(transport(spooler, clock), 384, label=f"win:{QUEUE}")
    printer.print_test_page()
    [job] = spooler.jobs.values()
    decoded = decode(bytes(job.data))
    assert decoded.image.size[0] == 384 and black_ratio(decoded.image) > 0.01 and len(decoded.cuts) == 1
    assert clock.sleeps == [0.25, 0.25]                  # looked three times, waited between the looks


@pytest.mark.parametrize("done", [JOB_STATUS_PRINTED, JOB_STATUS_COMPLETE, JOB_STATUS_PRINTED | JOB_STATUS_ERROR])
def test_a_job_that_says_printed_is_done(done: int) -> None:
    spooler = FakeWin32Print(FakeQueue(QUEUE, script=[done]))
    transport(spooler).send(RECEIPT)
    assert not spooler.jobs[1].deleted


def test_an_error_the_spooler_retries_is_waited_out() -> None:
    """A USB port that hiccups shows ERROR for a moment; the job still prints, so it is not a failure."""
    spooler, clock = FakeWin32Print(FakeQueue(QUEUE, script=[JOB_STATUS_ERROR | PRINTING] * 4 + [GONE])), FakeClock()
    transport(spooler, clock).send(RECEIPT)
    assert len(clock.sleeps) == 4 and not spooler.jobs[1].deleted


def test_a_job_stuck_in_the_queue_fails_at_the_timeout_and_is_taken_off() -> None:
    """Windows opens the queue of an unplugged printer and keeps the job waiting: the vendor is told, and
    the job is removed so a receipt does not come out by surprise when the printer is plugged in later."""
    spooler, clock = FakeWin32Print(FakeQueue(QUEUE, script=[0])), FakeClock()
    started = clock.now
    err = failed_send(spooler, clock, timeout=5.0)
    assert err.code == "timeout"
    assert "does not take the job — is it switched on and plugged in?" in err.en and QUEUE in err.en
    assert "will not print by itself later" in err.en and "COPY" in err.en
    assert "ไม่รับงานพิมพ์ — เปิดเครื่องและเสียบสายแล้วหรือยัง?" in err.th and "จะไม่พิมพ์ออกมาเองทีหลัง" in err.th
    assert 5.0 <= clock.now - started < 5.5
    assert spooler.jobs[1].deleted and spooler.calls[-2:] == ["SetJob:5", "ClosePrinter"]


def test_paper_out_fails_at_once_with_the_paper_message() -> None:
    spooler, clock = FakeWin32Print(FakeQueue(QUEUE, script=[PRINTING | JOB_STATUS_PAPEROUT])), FakeClock()
    err = failed_send(spooler, clock)
    assert err.code == "paper_out"
    assert err.en.startswith("Out of paper: load a new roll") and err.th.startswith("กระดาษหมด ใส่กระดาษม้วนใหม่")
    assert clock.sleeps == [] and spooler.jobs[1].deleted


def test_paper_out_from_the_printer_status_while_the_job_waits() -> None:
    spooler = FakeWin32Print(FakeQueue(QUEUE, script=[PRINTING], status=PRINTER_STATUS_PAPER_OUT))
    assert failed_send(spooler).code == "paper_out"


@pytest.mark.parametrize(("job_bits", "printer_bits", "attributes"), [
    (JOB_STATUS_OFFLINE | JOB_STATUS_ERROR, 0, 0),
    (0, PRINTER_STATUS_OFFLINE, 0),
    (0, 0, PRINTER_ATTRIBUTE_WORK_OFFLINE),            # "Use printer offline" ticked in Windows
])
def test_an_offline_printer_fails_with_the_offline_message(job_bits: int, printer_bits: int, attributes: int) -> None:
    spooler = FakeWin32Print(FakeQueue(QUEUE, script=[job_bits], status=printer_bits, attributes=attributes))
    err = failed_send(spooler)
    assert err.code == "offline"
    assert f"Windows says the printer “{QUEUE}” is offline — is it switched on and plugged in?" in err.en
    assert "Use printer offline" in err.en
    assert f"Windows แจ้งว่าเครื่องพิมพ์ “{QUEUE}” ออฟไลน์" in err.th and "ใช้เครื่องพิมพ์แบบออฟไลน์" in err.th
    assert spooler.jobs[1].deleted


def test_a_job_deleted_from_the_queue_is_reported() -> None:
    spooler = FakeWin32Print(FakeQueue(QUEUE, script=[PRINTING, JOB_STATUS_DELETING]))
    err = failed_send(spooler)
    assert err.code == "error"
    assert "deleted from the Windows queue" in err.en and "ถูกลบออกจากคิว" in err.th and "COPY" in err.en


@pytest.mark.parametrize(("job_bits", "printer_bits", "words_en", "words_th"), [
    (JOB_STATUS_BLOCKED_DEVQ, 0, "driver", "ไดรเวอร์"),
    (JOB_STATUS_USER_INTERVENTION, 0, "needs attention", "ต้องได้รับการแก้ไข"),
    (JOB_STATUS_ERROR, PRINTER_STATUS_DOOR_OPEN, "cover open", "ฝาเปิด"),
])
def test_a_blocked_job_says_what_to_fix(job_bits: int, printer_bits: int, words_en: str, words_th: str) -> None:
    spooler = FakeWin32Print(FakeQueue(QUEUE, script=[job_bits], status=printer_bits))
    err = failed_send(spooler)
    assert words_en in err.en and words_th in err.th and QUEUE in err.en


def test_an_unknown_queue_name_is_not_found_and_nothing_is_spooled() -> None:
    spooler = FakeWin32Print(FakeQueue("EPSON TM-T82"))
    err = failed_send(spooler, queue="XP-58 (old)")
    assert err.code == "not_found"
    assert err.en == ("Windows has no printer named “XP-58 (old)”: choose the printer again in "
                      "Settings → Printer (Find printers).")
    assert "Windows ไม่มีเครื่องพิมพ์ชื่อ “XP-58 (old)”" in err.th
    assert spooler.calls == ["OpenPrinter"] and spooler.jobs == {}


def test_a_failed_write_aborts_the_job_so_no_half_receipt_prints() -> None:
    queue = FakeQueue(QUEUE, write_error=FakeWinError(5, "WritePrinter", "Access is denied."))
    spooler = FakeWin32Print(queue)
    err = failed_send(spooler)
    assert err.code == "access_denied" and "Windows does not let this user print" in err.en
    assert spooler.jobs[1].aborted and "EndDocPrinter" not in spooler.calls


def test_another_spooler_error_names_the_windows_call() -> None:
    queue = FakeQueue(QUEUE, write_error=FakeWinError(1722, "WritePrinter", "The RPC server is unavailable."))
    err = failed_send(FakeWin32Print(queue))
    assert err.code == "error" and "RPC server is unavailable" in err.en and QUEUE in err.th


def test_without_pywin32_the_job_fails_with_a_plain_message(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> Any:
        raise ImportError("No module named 'win32print'")

    monkeypatch.setattr(win32raw, "load_win32print", missing)
    t = Win32RawTransport(QUEUE)
    with pytest.raises(PrinterError) as info:
        t.send(RECEIPT)
    assert info.value.code == "no_backend" and "pywin32" in info.value.en and "pywin32" in info.value.th
    assert t.status().online is None                   # status never raises


# --- status --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("bits", "attributes", "online", "paper", "words"), [
    (PRINTER_STATUS_PAPER_OUT, 0, None, "out", "Out of paper"),
    (PRINTER_STATUS_OFFLINE, 0, False, "unknown", "offline"),
    (0, PRINTER_ATTRIBUTE_WORK_OFFLINE, False, "unknown", "offline"),
    (PRINTER_STATUS_DOOR_OPEN, 0, False, "unknown", "cover open"),
    (PRINTER_STATUS_PAUSED, 0, False, "unknown", "paused"),
    (0, 0, None, "unknown", "cannot tell"),
])
def test_status_reads_the_queue_bits(bits: int, attributes: int, online: bool | None, paper: str, words: str) -> None:
    spooler = FakeWin32Print(FakeQueue(QUEUE, status=bits, attributes=attributes))
    st = transport(spooler).status()
    assert (st.online, st.paper) == (online, paper) and words in st.message_en and st.message_th
    assert not st.ready and spooler.open_handles == set()


def test_status_counts_the_jobs_waiting() -> None:
    spooler = FakeWin32Print(FakeQueue(QUEUE, script=[0]))
    t = transport(spooler, timeout=1.0)
    with pytest.raises(PrinterError):
        t.send(RECEIPT)
    spooler.jobs[1].deleted = False                    # as if Windows could not remove it
    st = t.status()
    assert "1 job(s) waiting" in st.message_en and "มีงานค้างในคิว 1 งาน" in st.message_th


def test_status_of_an_unknown_queue_never_raises() -> None:
    st = transport(FakeWin32Print(), queue="Gone").status()
    assert st.online is False and "Windows has no printer named “Gone”" in st.message_en


# --- the setting and discovery -------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["win:XP-58 Receipt", r"win:\\shop-pc\EPSON TM-T82", "WIN:  POS-80 (copy 1) "])
def test_the_win_setting_round_trips(text: str) -> None:
    parsed = parse_printer_spec(text)
    assert parsed.kind == "win" and parsed.queue == text.partition(":")[2].strip()
    assert parse_printer_spec(str(parsed)) == parsed and str(parsed) == f"win:{parsed.queue}"
    assert parsed.label == f"Windows printer {parsed.queue}"


def test_a_win_setting_without_a_name_is_refused() -> None:
    with pytest.raises(PrinterSpecError) as info:
        parse_printer_spec("win:")
    assert info.value.code == "bad_spec" and "win:QUEUE NAME" in info.value.en


def test_open_transport_gives_the_spooler_transport_with_its_options() -> None:
    t = open_transport("win:XP-58 Receipt", timeout=3.0)
    assert isinstance(t, Win32RawTransport) and t.queue == "XP-58 Receipt" and t.timeout == 3.0


@pytest.mark.parametrize(("text", "device", "baud"), [
    ("serial:COM3", "COM3", 9600), ("serial:COM12:115200", "COM12", 115200),
    ("serial:/dev/rfcomm0", "/dev/rfcomm0", 9600), ("net:192.168.1.50", "", 9600),
])
def test_serial_bluetooth_and_network_settings_stay_on_both_systems(text: str, device: str, baud: int) -> None:
    parsed = parse_printer_spec(text)
    assert parsed.device == device and parsed.baudrate == baud
    assert parse_printer_spec(str(parsed)) == parsed


def _installed() -> FakeWin32Print:
    return FakeWin32Print(
        FakeQueue("Microsoft Print to PDF", driver="Microsoft Print To PDF", port="PORTPROMPT:"),
        FakeQueue("Microsoft XPS Document Writer", driver="Microsoft XPS Document Writer v4", port="PORTPROMPT:"),
        FakeQueue("Fax", driver="Microsoft Shared Fax Driver", port="SHRFAX:"),
        FakeQueue("OneNote for Windows 10", driver="Microsoft Software Printer Driver", port="nul:"),
        FakeQueue("XP-58 Receipt", driver="Generic / Text Only", port="USB001"),
        FakeQueue(r"\\shop-pc\EPSON TM-T82", driver="EPSON TM-T82 Receipt", port="IP_192.168.1.60"),
        default=r"\\shop-pc\EPSON TM-T82",
    )


def test_discovery_lists_the_real_printers_default_first() -> None:
    assert list_windows_printers(_installed()) == [
        (r"win:\\shop-pc\EPSON TM-T82", "EPSON TM-T82 Receipt"),
        ("win:XP-58 Receipt", "Generic / Text Only"),
    ]


def test_discovery_finds_nothing_off_windows_or_without_pywin32() -> None:
    assert list_windows_printers(platform="linux") == []
    assert list_windows_printers(platform="win32") == []       # pywin32 is not installed on this machine


def test_find_printers_lists_queues_on_windows_and_usb_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(win32raw, "load_win32print", _installed)
    monkeypatch.setattr(printer_mod, "list_usb_printers", lambda: [("usb:0416:5011", "Xprinter XP-58")])
    assert [spec for spec, _ in list_printers("win32")] == [r"win:\\shop-pc\EPSON TM-T82", "win:XP-58 Receipt"]
    assert list_printers("linux") == [("usb:0416:5011", "Xprinter XP-58")]


def test_a_receipt_printer_from_the_setting_prints_through_the_queue(monkeypatch: pytest.MonkeyPatch) -> None:
    spooler = FakeWin32Print(FakeQueue(QUEUE))
    monkeypatch.setattr(win32raw, "load_win32print", lambda: spooler)
    printer = ReceiptPrinter.from_spec(PrinterSpec("win", queue=QUEUE), 384)
    printer.open_drawer()
    assert [bytes(j.data) for j in spooler.jobs.values()] == [b"\x1bp\x00\x32\x32"]
    assert printer.label == f"win:{QUEUE}"

