"""Printer transports: one small adapter per connection kind behind ``send``/``status``/``close``."""
from otop_pos.printing.transports.base import PrinterStatus, Transport
from otop_pos.printing.transports.spec import PrinterSpec, open_transport, parse_printer_spec

__all__ = ["PrinterSpec", "PrinterStatus", "Transport", "open_transport", "parse_printer_spec"]
