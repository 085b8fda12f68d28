"""Network printers on a raw TCP port (HOST:9100, "JetDirect"): one connection per job, with timeouts."""
from __future__ import annotations

import socket

from otop_pos.printing.errors import Where, map_exception
from otop_pos.printing.transports.base import DEFAULT_CHUNK, PrinterStatus, chunks, query_status

DEFAULT_PORT = 9100


class NetTransport:
    """Sends each job over a fresh TCP connection to ``host:port``.

    ``connect_timeout`` bounds the connection, ``timeout`` every write and status read. A printer that
    stops reading (paper out, jammed) makes ``send`` raise ``PrinterError("timeout")``: the job may have
    printed in part and is never sent again automatically.
    """

    def __init__(
        self,
        host: str,
        port: int = DEFAULT_PORT,
        *,
        timeout: float = 10.0,
        connect_timeout: float = 3.0,
        status_timeout: float = 1.0,
        chunk_size: int = DEFAULT_CHUNK,
    ) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.status_timeout = status_timeout
        self.chunk_size = chunk_size
        self.where = Where("net", f"{host}:{port}")

    def __repr__(self) -> str:
        return f"NetTransport({self.host!r}, {self.port})"

    def _connect(self) -> socket.socket:
        sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def send(self, data: bytes) -> None:
        """Connect, write ``data`` in chunks (each within ``timeout``), close. Raises ``PrinterError``."""
        try:
            with self._connect() as sock:
                sock.settimeout(self.timeout)
                for part in chunks(data, self.chunk_size):
                    sock.sendall(part)
                try:
                    sock.shutdown(socket.SHUT_WR)  # the printer sees the end of the job
                except OSError:
                    pass
        except Exception as exc:  # noqa: BLE001 - every failure becomes a PrinterError
            raise map_exception(exc, self.where) from exc

    def status(self) -> PrinterStatus:
        """Ask DLE EOT 1/4 on a short connection; no answer in ``status_timeout`` means unknown."""
        try:
            with self._connect() as sock:
                sock.settimeout(self.status_timeout)

                def read_byte() -> int | None:
                    try:
                        got = sock.recv(1)
                    except (TimeoutError, socket.timeout):
                        return None
                    return got[0] if got else None

                return query_status(sock.sendall, read_byte)
        except Exception as exc:  # noqa: BLE001
            err = map_exception(exc, self.where)
            online = False if err.code in ("offline", "not_found") else None
            return PrinterStatus(online, "unknown", err.th, err.en)

    def close(self) -> None:
        """Nothing stays open between jobs."""


__all__ = ["DEFAULT_PORT", "NetTransport"]
