"""Languages of the organiser window: its own Thai/English Linguist pair next to the booth app's, and the
formatting every organiser screen shares (money ฿1,190.00, dates in พ.ศ. in Thai, numbers, shares).

Visible text is written ``translate("OrgContext", "English text")`` (pyside6-lupdate collects it into
``resources/i18n/otop_pos_organiser_{th,en}.ts``; see ``i18n_build``). The booth app's translations are
installed too, so the shared widgets (messages, confirmations) speak the same language.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from otop_pos.core.money import format_baht
from otop_pos.core.thaidate import format_en_date, format_thai_date
from otop_pos.ui.i18n import (
    LANGS,
    translator_for,
    current_lang,
    i18n_dir,
    install_language,
    translate,
)

APP_NAME = "otop_pos_organiser"
__all__ = [
    "APP_NAME",
    "LANGS",
    "current_lang",
    "day_text",
    "install_organiser_language",
    "money",
    "number",
    "pick",
    "qm_path",
    "share",
    "translate",
    "ts_path",
    "when_text",
]

_state: dict[str, QTranslator | None] = {"translator": None}


def ts_path(lang: str, folder: Path | None = None) -> Path:
    """The organiser's Linguist source for ``lang``."""
    return (folder or i18n_dir()) / f"{APP_NAME}_{lang}.ts"


def qm_path(lang: str, folder: Path | None = None) -> Path:
    """The organiser's compiled translation for ``lang``."""
    return (folder or i18n_dir()) / f"{APP_NAME}_{lang}.qm"


def install_organiser_language(lang: str | None) -> str:
    """Switch the running application to ``lang`` ("th" or "en", default Thai): the booth app's
    translations and the organiser's. Returns the language in use."""
    lang = install_language(lang or "th")
    old = _state["translator"]
    if old is not None and QCoreApplication.instance() is not None:
        QCoreApplication.removeTranslator(old)
    translator = translator_for(qm_path(lang), ts_path(lang))
    if translator is not None and QCoreApplication.instance() is not None:
        QCoreApplication.installTranslator(translator)
    _state["translator"] = translator
    return lang


def money(satang: int) -> str:
    """``฿1,190.00`` (``-฿50.00`` when negative)."""
    return format_baht(int(satang), symbol=True)


def number(n: int) -> str:
    """A count with thousands separators: ``12,345``."""
    return f"{int(n):,}"


def share(basis_points: int) -> str:
    """A share in basis points as a percentage: ``12.5%``."""
    return f"{basis_points / 100:.1f}%"


def day_text(d: date, *, long: bool = False) -> str:
    """A business date: ``26 ต.ค. 2563`` in Thai (Buddhist Era), ``26 Oct 2020`` in English."""
    if current_lang() == "en":
        text = format_en_date(d, time=False)
        return f"{d.strftime('%a')} {text}" if long else text
    return format_thai_date(d, short=not long, time=False)


def when_text(dt: datetime | None) -> str:
    """A moment in Bangkok time (``26 ต.ค. 2563 17:45``); empty for None."""
    if dt is None:
        return ""
    return format_en_date(dt, time=True) if current_lang() == "en" else format_thai_date(dt, time=True)


def pick(th: str, en: str) -> str:
    """The Thai or the English text of a use case's bilingual message, by the current language."""
    if current_lang() == "en":
        return en or th
    return th or en
