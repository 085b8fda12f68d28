"""Languages of the booth app: English source strings, Thai and English Qt Linguist translations.

``translate("Context", "Text")`` is the only way UI code writes visible text (pyside6-lupdate collects it).
The compiled ``.qm`` is used when it is up to date; otherwise the ``.ts`` is read directly, so a checkout
that has not run the build step still shows Thai.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from otop_pos.core.errors import OtopError
from otop_pos.core.money import format_baht
from otop_pos.core.resources import resource_path
from otop_pos.core.thaidate import format_en_date, format_thai_date
from otop_pos.core.vocabulary import FAIR_METHOD_DEFAULTS, PAYMENT_METHOD

LANGS = ("th", "en")
APP_NAME = "otop_pos"

_state: dict[str, object] = {"lang": "th", "translator": None}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark ``text`` for translation in ``context`` without translating it yet (translate it when shown)."""
    return text


def translate(context: str, text: str) -> str:
    """``text`` in the current language (the English source when there is no translation)."""
    return QCoreApplication.translate(context, text)


def i18n_dir() -> Path:
    """Where the .ts sources and compiled .qm files live."""
    return resource_path("i18n")


def ts_path(lang: str, folder: Path | None = None) -> Path:
    """The Linguist source of ``lang``."""
    return (folder or i18n_dir()) / f"{APP_NAME}_{lang}.ts"


def qm_path(lang: str, folder: Path | None = None) -> Path:
    """The compiled translation of ``lang``."""
    return (folder or i18n_dir()) / f"{APP_NAME}_{lang}.qm"


def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """Finished translations of a .ts file as {(context, source): translation}."""
    out: dict[tuple[str, str], str] = {}
    if not path.is_file():
        return out
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            if tr.text:
                out[(name, source)] = tr.text
    return out


class TsTranslator(QTranslator):
    """A translator reading a .ts file directly (used when the .qm is missing or older than the .ts)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._map = load_ts(path)

    def translate(self, context: str, sourceText: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str | None:
        # None (a null QString) lets Qt ask the next translator and fall back to the source text;
        # "" would be taken as the translation, blanking every text this file does not hold
        return self._map.get((str(context), sourceText))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt name
        return not self._map


def translator_for(qm: Path, ts: Path) -> QTranslator | None:
    """The compiled .qm when it is current, else the .ts source read directly; None when neither exists."""
    if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
        translator = QTranslator()
        if translator.load(str(qm)):
            return translator
    if ts.is_file():
        return TsTranslator(ts)
    return None


def install_language(lang: str) -> str:
    """Switch the running application to ``lang`` ("th" or "en"); returns the language in use."""
    lang = lang if lang in LANGS else "th"
    app = QCoreApplication.instance()
    old = _state.get("translator")
    if app is not None and isinstance(old, QTranslator):
        QCoreApplication.removeTranslator(old)
    translator = translator_for(qm_path(lang), ts_path(lang))
    if app is not None and translator is not None:
        QCoreApplication.installTranslator(translator)
    _state["translator"] = translator
    _state["lang"] = lang
    return lang


def current_lang() -> str:
    """The language installed last."""
    return str(_state["lang"])


def error_text(exc: BaseException, lang: str | None = None) -> str:
    """The message a person sees for ``exc`` (OtopError in the current language)."""
    if isinstance(exc, OtopError):
        return exc.message(lang or current_lang())
    return translate("Errors", "Something went wrong. The details were written to the error log.")


def money(satang: int) -> str:
    """``฿1,190.00``."""
    return format_baht(satang, symbol=True)


def method_name(method: str, lang: str | None = None) -> str:
    """A payment method's name (the vocabulary's, or a built-in fair method's: card, คนละครึ่ง, the welfare
    card) in ``lang``, default the current language."""
    lang = lang or current_lang()
    if PAYMENT_METHOD.get(method) is None:
        for d in FAIR_METHOD_DEFAULTS:
            if d.term.key == method:
                return d.term.en if lang == "en" else d.term.th
    return PAYMENT_METHOD.name(method, lang)


def date_text(d: date | datetime, *, time: bool | None = None) -> str:
    """A date (or date and time) the way the current language writes it (Thai: Buddhist Era)."""
    if current_lang() == "en":
        return format_en_date(d, time=time)
    return format_thai_date(d, time=time)
