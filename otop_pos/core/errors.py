"""One error type per kind of failure a person can fix, each with a Thai and an English message.

Anything that is not an ``OtopError`` is a bug: the UI and CLI log it with its traceback and show
"something went wrong".
"""
from __future__ import annotations

from dataclasses import dataclass


class OtopError(Exception):
    """A failure the user can understand and fix. ``th`` and ``en`` are complete sentences."""

    def __init__(self, th: str, en: str) -> None:
        super().__init__(en)
        self.th = th
        self.en = en

    def message(self, lang: str = "th") -> str:
        """The message in ``lang`` ("th" or "en")."""
        return self.th if lang == "th" else self.en

    def __reduce__(self) -> tuple[object, ...]:
        """Picklable whatever the subclass's constructor takes (errors cross worker processes)."""
        return (_rebuild, (type(self), self.args, self.__dict__))

    def __str__(self) -> str:  # both languages: the CLI prints this
        return f"{self.th}\n{self.en}" if self.th and self.th != self.en else self.en


def _rebuild(cls: type[OtopError], args: tuple[object, ...], state: dict[str, object]) -> OtopError:
    err = Exception.__new__(cls)
    err.args = args
    err.__dict__.update(state)
    return err


class InputError(OtopError):
    """A typed value (amount, quantity, code, date) is not acceptable."""


class SaleError(OtopError):
    """A checkout, void or refund cannot be done as asked (no open day, not covered, sold out…)."""


class SoldOutError(SaleError):
    """A product with stock tracking has not enough left; a vendor may override."""

    def __init__(self, th: str, en: str, sku: str, available: int) -> None:
        super().__init__(th, en)
        self.sku = sku
        self.available = available


class ApprovalNeeded(SaleError):
    """The sale needs the manager's approval first; ``reasons`` names what needs it (``line_discount``,
    ``bill_discount``, ``price``, ``zero_sale``)."""

    def __init__(self, th: str, en: str, reasons: tuple[str, ...] = ()) -> None:
        super().__init__(th, en)
        self.reasons = tuple(reasons)


class DayError(OtopError):
    """Opening or closing the till day is not possible now."""


class PinError(OtopError):
    """Wrong manager PIN, no PIN set, or the PIN is locked for a while."""


class StoreError(OtopError):
    """The store cannot be written or opened (disk full, read-only, network share, corrupt)."""


class SetupError(OtopError):
    """The booth is not set up yet, or the setup data is unusable."""


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file, located by file, line and column."""

    file: str
    line: int
    column: str
    th: str
    en: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" + (f" [{self.column}]" if self.column else "")
        return f"{where}: {self.th} / {self.en}"


class RegistryError(OtopError):
    """A registry file (vendors or catalogue) is invalid; nothing was imported."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        n = len(self.problems)
        head_th = f"ไฟล์ทะเบียนมีปัญหา {n} รายการ ไม่ได้นำเข้าข้อมูลใดๆ"
        head_en = f"The registry has {n} problem(s); nothing was imported."
        lines = [str(p) for p in self.problems[:50]]
        if n > 50:
            lines.append(f"… (+{n - 50})")
        super().__init__(head_th + "\n" + "\n".join(lines), head_en + "\n" + "\n".join(lines))


class PrinterError(OtopError):
    """The printer cannot be reached or refused the job; ``code`` names the kind for the UI."""

    def __init__(self, th: str, en: str, code: str = "error") -> None:
        super().__init__(th, en)
        self.code = code


class ImportRefused(OtopError):
    """An export file was refused by the organiser import; ``reason`` is a short machine code."""

    def __init__(self, th: str, en: str, reason: str = "refused") -> None:
        super().__init__(th, en)
        self.reason = reason
