"""The fair's payment methods at the booth: what the booth package brought (the built-ins until then)."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from otop_pos.core.methods import MethodSpec, check_method, method_kind
from otop_pos.store.booth_models import BoothMethod
from otop_pos.store.engine import SqliteStore

__all__ = ["payment_methods", "replace_methods", "booth_method_specs"]


def payment_methods(store: SqliteStore) -> tuple[MethodSpec, ...]:
    """The fair's payment methods in the organiser's order."""
    with store.read() as s:
        return tuple(MethodSpec(m.code, m.name_th, m.name_en, method_kind(m.kind), m.state_percent,
                                m.daily_cap_satang)
                     for m in s.scalars(select(BoothMethod).order_by(BoothMethod.position, BoothMethod.code)))


def booth_method_specs(s: Session) -> dict[str, MethodSpec]:
    """The booth's methods by code, in the caller's transaction (what a payment part is checked against)."""
    return {m.code: MethodSpec(m.code, m.name_th, m.name_en, method_kind(m.kind), m.state_percent, m.daily_cap_satang)
            for m in s.scalars(select(BoothMethod))}


def replace_methods(s: Session, methods: Sequence[MethodSpec]) -> None:
    """Within the caller's transaction: the booth's methods become ``methods`` (each checked)."""
    checked = [check_method(m) for m in methods]
    s.execute(delete(BoothMethod))
    s.add_all(BoothMethod(code=m.code, name_th=m.name_th, name_en=m.name_en, kind=m.kind,
                          state_percent=m.state_percent, daily_cap_satang=m.daily_cap_satang, position=n)
              for n, m in enumerate(checked))
