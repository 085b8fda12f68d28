"""Thai word segmentation: dictionary words stay whole, the fallback never splits a cluster."""
from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from otop_pos.core import thai_wordbreak as tw

from tests.reports.pdf_helpers import DATA, NEWS

COMBINING_OR_FOLLOWING = set("ัิีึืฺุู็่้๊๋์ํ๎ะาำๅๆฯ")
LEADING = set("เแโใไ")


def real_names() -> list[str]:
    """Vendor, contact, product, district and province names of the Khon Kaen 2563 registry."""
    if not DATA.is_dir():
        pytest.skip("the shared test data is not next to the repository")
    names: set[str] = set()
    with open(DATA / "vendors.csv", encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            columns = ("ชื่อกลุ่ม/ผู้ประกอบการ", "ชื่อผู้ติดต่อ", "ประเภทผลิตภัณฑ์", "อำเภอ", "จังหวัด")
            names.update(row[k] for k in columns)
    with open(DATA / "catalogue.csv", encoding="utf-8-sig", newline="") as f:
        names.update(row["ชื่อสินค้า"] for row in csv.DictReader(f))
    return sorted(n for n in names if n)


def assert_clean_pieces(text: str, pieces: list[str]) -> None:
    assert "".join(pieces) == text
    for piece in pieces:
        assert piece
        assert piece[0] not in COMBINING_OR_FOLLOWING or piece is pieces[0], (text, pieces)
        assert piece.rstrip()[-1:] not in LEADING, (text, pieces)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("กลุ่มทอผ้าบ้านโนนสวรรค์", ["กลุ่ม", "ทอผ้า", "บ้าน", "โนนสวรรค์"]),
        ("วิสาหกิจชุมชนบ้านกุดเค้า", ["วิสาหกิจชุมชน", "บ้าน", "กุดเค้า"]),
        ("กระติบข้าวเหนียว", ["กระติบ", "ข้าวเหนียว"]),
        ("น้ำพริกปลาร้า", ["น้ำพริก", "ปลาร้า"]),
        ("แจกันดินเผาด่านเกวียน", ["แจกัน", "ดินเผา", "ด่านเกวียน"]),
        ("ครั้งที่ 20", ["ครั้งที่ ", "20"]),
        ("หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์",
         ["หนึ่ง", "พัน", "สอง", "ร้อย", "สาม", "สิบ", "สี่", "บาท", "ห้า", "สิบ", "สตางค์"]),
        ("ไส้กรอกอีสาน (แพ็ค 500 กรัม)", ["ไส้กรอก", "อีสาน ", "(แพ็ค ", "500 ", "กรัม)"]),
        ("Hello world 1,190.00", ["Hello ", "world ", "1,190.00"]),
        ("พ.ศ. 2563", ["พ.ศ. ", "2563"]),
        ("ราคา100บาท", ["ราคา", "100", "บาท"]),
        ("", []),
    ],
)
def test_segment_known_text(text: str, expected: list[str]) -> None:
    assert tw.segment(text) == expected


@pytest.mark.parametrize("name, expected", [
    # real names of the Khon Kaen 2563 registry, each break checked by a Thai reader; the word list also
    # knows the parts (ผ้า, พัน, คอ, เครื่อง, แต่ง, กาย, หนอง, บัว…), so a wrong split into known words fails here
    ("ผ้าพันคอไหม", ["ผ้าพันคอ", "ไหม"]),
    ("ผ้าและเครื่องแต่งกาย", ["ผ้า", "และ", "เครื่องแต่งกาย"]),
    ("กระโปรงผ้าซิ่น", ["กระโปรง", "ผ้าซิ่น"]),
    ("ยาหม่องสมุนไพร", ["ยาหม่อง", "สมุนไพร"]),
    ("กลุ่มเกษตรกรบ้านหนองบัว", ["กลุ่ม", "เกษตรกร", "บ้าน", "หนองบัว"]),
    ("กลุ่มทอผ้าบ้านหัวหนอง", ["กลุ่ม", "ทอผ้า", "บ้าน", "หัวหนอง"]),
    ("วิสาหกิจชุมชนบ้านท่าพระ", ["วิสาหกิจชุมชน", "บ้าน", "ท่าพระ"]),
    ("กลุ่มเกษตรกรบ้านโสกแต้", ["กลุ่ม", "เกษตรกร", "บ้าน", "โสกแต้"]),
    ("เมืองชัยภูมิ", ["เมือง", "ชัยภูมิ"]),
    ("จันทร์เพ็ญ คำแก้ว", ["จันทร์เพ็ญ ", "คำแก้ว"]),
    ("หมูแดดเดียว", ["หมูแดดเดียว"]),
    ("ร้อยเอ็ด", ["ร้อยเอ็ด"]),
])
def test_registry_names_break_where_a_reader_would(name: str, expected: list[str]) -> None:
    assert tw.segment(name) == expected


def test_every_registry_name_segments_cleanly() -> None:
    """The whole registry: pieces join back to the name and never cut a cluster (the word list was compiled
    from these names, so whether its words are found says nothing; where the breaks fall is checked above)."""
    names = real_names()
    assert len(names) > 200
    for name in names:
        assert_clean_pieces(name, tw.segment(name))


def test_news_article_segments_cleanly() -> None:
    if not NEWS.is_file():
        pytest.skip("the shared news article is not next to the repository")
    known = tw.words()
    text = NEWS.read_text(encoding="utf-8")
    pieces = tw.segment(text)
    assert_clean_pieces(text, pieces)
    thai = [p.strip() for p in pieces if p.strip() and all(tw.is_thai_letter(c) for c in p.strip())]
    share_known = sum(p in known for p in thai) / len(thai)
    assert share_known > 0.97


@pytest.mark.parametrize(
    "word, clusters",
    [
        ("เกี๊ยว", ["เกี๊ย", "ว"]),
        ("เครื่อง", ["เครื่อ", "ง"]),
        ("กั้น", ["กั้น"]),
        ("เก็บ", ["เก็บ"]),
        ("จันทร์", ["จัน", "ทร์"]),
        ("ศักดิ์", ["ศักดิ์"]),
        ("น้ำ", ["น้ำ"]),
        ("แม่ย่า", ["แม่", "ย่า"]),
    ],
)
def test_cluster_fallback(word: str, clusters: list[str]) -> None:
    starts = tw.thai_clusters(word)
    assert [word[a:b] for a, b in zip(starts, starts[1:] + [len(word)])] == clusters


def test_unknown_words_fall_back_to_clusters() -> None:
    pieces = tw.segment("สวัสดีชาวโลกกระจับปี่")
    assert_clean_pieces("สวัสดีชาวโลกกระจับปี่", pieces)
    assert "ปี่" in pieces


def test_split_word_breaks_compounds_only_when_asked() -> None:
    assert tw.segment("ใบเสร็จรับเงิน") == ["ใบเสร็จรับเงิน"]
    assert tw.split_word("ใบเสร็จรับเงิน") == ["ใบเสร็จ", "รับเงิน"]
    assert tw.split_word("Hello ") == ["Hello "]


thai_text = st.text(
    alphabet=st.sampled_from(list("กขคงจชญฎฐณดตถทนบปผพฟภมยรลวศสหอฮะัาำิีึืุูเแโใไ็่้๊๋์ๆ 0123")),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(thai_text)
def test_any_text_round_trips_and_never_breaks_before_a_mark(text: str) -> None:
    pieces = tw.segment(text)
    assert "".join(pieces) == text
    offsets = tw.break_opportunities(text)
    for i in offsets:
        assert text[i] not in COMBINING_OR_FOLLOWING
        assert text[i - 1] not in LEADING


def test_word_list_is_small_and_clean() -> None:
    path = tw._WORD_FILE
    assert path.stat().st_size < 1_000_000
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#")  # provenance and licence note
    assert len(tw.words()) > 1000
    assert all(w == w.strip() and " " not in w for w in tw.words())
