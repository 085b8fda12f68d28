"""Tests for otop_pos.core.thaidate."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from otop_pos.core.errors import InputError
from otop_pos.core.thaidate import (
    BANGKOK,
    ICT,
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    be_year,
    fair_day,
    format_en_date,
    format_thai_date,
    parse_date,
    to_bangkok,
)

UTC = timezone.utc
SAMPLE = datetime(2020, 10, 26, 10, 45, tzinfo=UTC)


def test_be_year() -> None:
    assert be_year(2020) == 2563
    assert be_year(2025) == 2568


def test_month_tables() -> None:
    assert len(THAI_MONTHS) == 12 and len(THAI_MONTHS_SHORT) == 12
    assert THAI_MONTHS[0] == "มกราคม" and THAI_MONTHS[9] == "ตุลาคม" and THAI_MONTHS[11] == "ธันวาคม"
    assert THAI_MONTHS_SHORT == (
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    )
    assert len(set(THAI_MONTHS)) == 12 and len(set(THAI_MONTHS_SHORT)) == 12


def test_bangkok_is_utc_plus_7_all_year() -> None:
    for month in range(1, 13):
        assert datetime(2024, month, 15, tzinfo=BANGKOK).utcoffset() == timedelta(hours=7)
    assert ICT.utcoffset(None) == timedelta(hours=7)


def test_to_bangkok_converts() -> None:
    local = to_bangkok(SAMPLE)
    assert (local.hour, local.minute) == (17, 45)
    assert local == SAMPLE  # same instant
    assert local.utcoffset() == timedelta(hours=7)


def test_to_bangkok_from_other_offset() -> None:
    tokyo = datetime(2020, 10, 26, 19, 45, tzinfo=timezone(timedelta(hours=9)))
    assert to_bangkok(tokyo).hour == 17


def test_naive_datetimes_refused() -> None:
    with pytest.raises(ValueError):
        to_bangkok(datetime(2020, 10, 26, 10, 45))
    with pytest.raises(ValueError):
        fair_day(datetime(2020, 10, 26, 10, 45))
    with pytest.raises(ValueError):
        format_thai_date(datetime(2020, 10, 26, 10, 45))
    with pytest.raises(ValueError):
        format_en_date(datetime(2020, 10, 26, 10, 45))


def test_format_thai_datetime_short() -> None:
    assert format_thai_date(SAMPLE) == "26 ต.ค. 2563 17:45"


def test_format_thai_datetime_long() -> None:
    assert format_thai_date(SAMPLE, short=False) == "26 ตุลาคม 2563 17:45"
    assert format_thai_date(SAMPLE, short=False, time=False) == "26 ตุลาคม 2563"


def test_format_thai_date_without_time() -> None:
    assert format_thai_date(SAMPLE, time=False) == "26 ต.ค. 2563"
    assert format_thai_date(date(2020, 10, 26)) == "26 ต.ค. 2563"
    assert format_thai_date(date(2020, 10, 26), short=False) == "26 ตุลาคม 2563"
    assert format_thai_date(date(2021, 1, 5), short=False) == "5 มกราคม 2564"


def test_format_date_with_time_true_is_an_error() -> None:
    with pytest.raises(ValueError):
        format_thai_date(date(2020, 10, 26), time=True)


def test_format_thai_digits() -> None:
    assert format_thai_date(SAMPLE, thai_digits=True) == "๒๖ ต.ค. ๒๕๖๓ ๑๗:๔๕"


def test_format_crosses_midnight_into_bangkok_day() -> None:
    late = datetime(2020, 12, 31, 17, 30, tzinfo=UTC)  # 00:30 on 1 Jan 2021 in Bangkok
    assert format_thai_date(late) == "1 ม.ค. 2564 00:30"
    assert format_en_date(late) == "1 Jan 2021 00:30"


def test_format_en_date() -> None:
    assert format_en_date(SAMPLE) == "26 Oct 2020 17:45"
    assert format_en_date(SAMPLE, time=False) == "26 Oct 2020"
    assert format_en_date(date(2020, 10, 26)) == "26 Oct 2020"


def test_fair_day() -> None:
    assert fair_day(SAMPLE) == date(2020, 10, 26)
    assert fair_day(datetime(2020, 10, 26, 16, 59, tzinfo=UTC)) == date(2020, 10, 26)
    assert fair_day(datetime(2020, 10, 26, 17, 0, tzinfo=UTC)) == date(2020, 10, 27)


@pytest.mark.parametrize(
    "text",
    [
        "2020-10-26",
        "2020/10/26",
        "2563-10-26",
        "26/10/2563",
        "26/10/2020",
        "26-10-2563",
        "26-10-2020",
        "26.10.2563",
        "๒๖/๑๐/๒๕๖๓",
        "๒๕๖๓-๑๐-๒๖",
        " 26/10/2563 ",
        "26 ต.ค. 2563",
        "26 ตุลาคม 2563",
        "26 ต.ค. พ.ศ. 2563",
        "วันที่ 26 ตุลาคม พ.ศ. 2563",
        "26 Oct 2020",
        "26 October 2020",
        "26ตค2563",
    ],
)
def test_parse_date(text: str) -> None:
    assert parse_date(text) == date(2020, 10, 26)


def test_parse_date_single_digit_parts() -> None:
    assert parse_date("5/1/2564") == date(2021, 1, 5)
    assert parse_date("2021-1-5") == date(2021, 1, 5)


def test_parse_date_leap_day() -> None:
    assert parse_date("29/02/2567") == date(2024, 2, 29)
    with pytest.raises(InputError):
        parse_date("29/02/2566")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        "26/10/63",
        "10/26",
        "32/10/2563",
        "26/13/2563",
        "0/10/2563",
        "2020-10-26T10:45",
        "26/10-2563",
        "26 Foo 2020",
        "2020-02-30",
        "26 10 2563",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_date(text)
    assert info.value.th and info.value.en
    assert text in info.value.en


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_parse_round_trips(d: date) -> None:
    assert parse_date(d.isoformat()) == d
    assert parse_date(format_thai_date(d)) == d
    assert parse_date(format_thai_date(d, short=False, thai_digits=True)) == d
    assert parse_date(format_en_date(d)) == d
    assert parse_date(f"{d.day}/{d.month}/{be_year(d.year)}") == d


@given(
    st.datetimes(
        min_value=datetime(1921, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
    )
)
def test_fair_day_is_seven_hours_ahead(dt: datetime) -> None:
    # Bangkok used local mean time (+6:42) until 1920; fair data is never that old
    assert fair_day(dt) == (dt + timedelta(hours=7)).date()


def test_fallback_when_tz_database_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    import zoneinfo

    from otop_pos.core import thaidate

    def missing(key: str) -> None:
        raise zoneinfo.ZoneInfoNotFoundError(key)

    monkeypatch.setattr(zoneinfo, "ZoneInfo", missing)
    tz = thaidate._bangkok()
    assert tz is ICT
    assert datetime(2020, 10, 26, 10, 45, tzinfo=UTC).astimezone(tz).hour == 17
