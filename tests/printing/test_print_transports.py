"""Transports against real endpoints: files, /dev/null, /dev/full, a local TCP printer, a pty serial port."""
from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from otop_pos.core.errors import PrinterError
from otop_pos.printing.transports.base import DLE_EOT_PAPER, DLE_EOT_PRINTER, PrinterStatus, parse_status
from otop_pos.printing.transports.dummy import DummyTransport, NullTransport
from otop_pos.printing.transports.file import FileTransport
from otop_pos.printing.transports.net import NetTransport
from otop_pos.printing.transports.spec import open_transport


# -- file ---------------------------------------------------------------------------------------------
def test_file_transport_appends_jobs(tmp_path: Path) -> None:
    path = tmp_path / "printer.bin"
    transport = open_transport(f"file:{path}")
    transport.send(b"\x1b@first")
    transport.send(b"second")
    assert path.read_bytes() == b"\x1b@firstsecond"


def test_file_status_is_unknown_never_paper_ok(tmp_path: Path) -> None:
    status = FileTransport(str(tmp_path / "x")).status()
    assert status.online is None and status.paper == "unknown" and not status.ready


def test_file_missing_folder_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(PrinterError) as info:
        FileTransport(str(tmp_path / "no" / "such" / "lp0")).send(b"x")
    assert info.value.code == "not_found"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="POSIX only")
def test_character_device_write() -> None:
    transport = FileTransport("/dev/null")
    transport.send(b"\x00" * 100_000)  # a large job to a character device goes through without error
    status = transport.status()  # a device file cannot answer: never claim "paper OK"
    assert status.online is None and status.paper == "unknown"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="Linux only")
def test_device_reporting_no_space_is_paper_out() -> None:
    """usblp (/dev/usb/lp0) answers ENOSPC when the printer is out of paper; /dev/full does the same."""
    with pytest.raises(PrinterError) as info:
        FileTransport("/dev/full").send(b"receipt")
    assert info.value.code == "paper_out"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_device_that_stops_reading_times_out(tmp_path: Path) -> None:
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # opened, never read: like a jammed printer
    try:
        started = time.monotonic()
        with pytest.raises(PrinterError) as info:
            FileTransport(str(fifo), timeout=0.3).send(b"\x00" * 1_000_000)
        assert time.monotonic() - started < 5
    finally:
        os.close(reader)
    assert info.value.code == "timeout"


# -- network ------------------------------------------------------------------------------------------
class _Server:
    """A one-thread TCP 'printer' on 127.0.0.1: records what it receives, optionally answers DLE EOT."""

    def __init__(
        self, *, read: bool = True, answers: dict[bytes, int] | None = None, rcvbuf: int = 0
    ) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.read = read
        self.answers = answers
        self.received: list[bytes] = []
        self.stop = threading.Event()
        self.conns: list[socket.socket] = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        self.sock.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.conns.append(conn)
            if not self.read:
                continue
            conn.settimeout(5)
            buf = b""
            while True:
                try:
                    part = conn.recv(65536)
                except OSError:
                    break
                if not part:
                    break
                buf += part
                if self.answers is not None:
                    while len(buf) >= 3 and buf[:2] == b"\x10\x04":
                        reply = self.answers.get(buf[:3])
                        buf = buf[3:]
                        if reply is not None:
                            conn.sendall(bytes([reply]))
            self.received.append(buf)
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        for conn in self.conns:
            conn.close()
        self.sock.close()


@pytest.fixture
def server() -> Iterator[_Server]:
    srv = _Server()
    yield srv
    srv.close()


def test_net_transport_delivers_every_byte(server: _Server) -> None:
    data = bytes(range(256)) * 2000  # 512 KB in chunks
    NetTransport("127.0.0.1", server.port, timeout=5).send(data)
    deadline = time.monotonic() + 5
    while not server.received and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.received == [data]


def test_net_spec_opens_a_net_transport(server: _Server) -> None:
    transport = open_transport(f"net:127.0.0.1:{server.port}")
    assert isinstance(transport, NetTransport)
    transport.send(b"hello")


def test_printer_that_never_reads_times_out() -> None:
    srv = _Server(read=False, rcvbuf=4096)
    try:
        started = time.monotonic()
        with pytest.raises(PrinterError) as info:
            NetTransport("127.0.0.1", srv.port, timeout=0.5).send(b"\x00" * (32 << 20))
        assert info.value.code == "timeout"
        assert "COPY" in info.value.en
        assert time.monotonic() - started < 20
    finally:
        srv.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_connection_refused_is_offline() -> None:
    with pytest.raises(PrinterError) as info:
        NetTransport("127.0.0.1", _free_port(), connect_timeout=2).send(b"x")
    assert info.value.code == "offline"
    status = NetTransport("127.0.0.1", _free_port()).status()
    assert status.online is False and status.paper == "unknown"


@pytest.mark.parametrize(
    ("printer", "paper", "online", "state"),
    [
        (0x12, 0x12, True, "ok"),
        (0x12, 0x1E, True, "low"),
        (0x1A, 0x72, False, "out"),
        (0x1A, 0x12, False, "ok"),
    ],
)
def test_status_over_tcp(printer: int, paper: int, online: bool, state: str) -> None:
    srv = _Server(answers={DLE_EOT_PRINTER: printer, DLE_EOT_PAPER: paper})
    try:
        status = NetTransport("127.0.0.1", srv.port, status_timeout=2).status()
    finally:
        srv.close()
    assert (status.online, status.paper) == (online, state)
    if state == "out":
        assert "กระดาษหมด" in status.message_th and "paper" in status.message_en.lower()


def test_silent_printer_status_is_unknown_not_paper_ok() -> None:
    srv = _Server(answers={})
    try:
        status = NetTransport("127.0.0.1", srv.port, status_timeout=0.3).status()
    finally:
        srv.close()
    assert status.online is None and status.paper == "unknown" and not status.ready


def test_parse_status_rejects_garbage() -> None:
    assert parse_status(0xFF, 0xFF).paper == "unknown"
    assert parse_status(None, None).online is None
    assert parse_status(0x12, None) == PrinterStatus(True, "unknown", parse_status(0x12, None).message_th,
                                                     parse_status(0x12, None).message_en)


# -- serial (a pseudo-terminal stands in for the printer's port) ------------------------------------------
@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pty")
def test_serial_transport_writes_and_reads_status() -> None:
    from otop_pos.printing.transports.serial_port import SerialTransport

    master, slave = os.openpty()
    name = os.ttyname(slave)
    try:
        transport = SerialTransport(name, 19200, timeout=2, status_timeout=0.3)
        transport.send(b"\x1b@hello")
        got = b""
        deadline = time.monotonic() + 3
        while len(got) < 7 and time.monotonic() < deadline:
            got += os.read(master, 100)
        assert got == b"\x1b@hello"

        def answer() -> None:
            asked = b""
            while len(asked) < 6:
                asked += os.read(master, 10)
                if asked.endswith(DLE_EOT_PRINTER) or asked.endswith(DLE_EOT_PAPER):
                    os.write(master, bytes([0x12 if asked.endswith(DLE_EOT_PRINTER) else 0x72]))

        helper = threading.Thread(target=answer, daemon=True)
        helper.start()
        status = transport.status()
        helper.join(3)
        assert status.paper == "out"
        transport.close()
    finally:
        os.close(master)
        os.close(slave)


def test_serial_missing_port_is_not_found() -> None:
    from otop_pos.printing.transports.serial_port import SerialTransport

    with pytest.raises(PrinterError) as info:
        SerialTransport("/dev/ttyNOSUCH9").send(b"x")
    assert info.value.code == "not_found"
    assert SerialTransport("/dev/ttyNOSUCH9").status().online is False


# -- dummy and none --------------------------------------------------------------------------------------
def test_dummy_collects_jobs() -> None:
    dummy = DummyTransport()
    dummy.send(b"a")
    dummy.send(b"b")
    assert dummy.jobs == [b"a", b"b"] and dummy.data == b"ab" and dummy.status().ready
    dummy.close()
    assert dummy.closed


@pytest.mark.parametrize("code", ["timeout", "paper_out", "offline", "busy", "access_denied", "not_found"])
def test_dummy_fails_with_a_code(code: str) -> None:
    dummy = DummyTransport(fail=code)
    with pytest.raises(PrinterError) as info:
        dummy.send(b"x")
    assert info.value.code == code and info.value.th and info.value.en
    assert dummy.jobs == []
    assert not dummy.status().ready
    if code == "paper_out":
        assert dummy.status().paper == "out"


def test_dummy_fails_a_given_number_of_times() -> None:
    error = PrinterError("ทดสอบ", "test", "offline")
    dummy = DummyTransport(fail=error, fail_times=1)
    with pytest.raises(PrinterError) as info:
        dummy.send(b"x")
    assert info.value is error
    dummy.send(b"y")
    assert dummy.jobs == [b"y"] and dummy.attempts == 2


def test_none_spec_explains_there_is_no_printer() -> None:
    transport = open_transport("none")
    assert isinstance(transport, NullTransport)
    with pytest.raises(PrinterError) as info:
        transport.send(b"x")
    assert info.value.code == "not_found"
    assert transport.status().online is None
