"""The producer's channel values: what is accepted, how it is kept, which link a receipt carries."""
from __future__ import annotations

import pytest

from otop_pos.core.channel import channel_link, line_url, parse_facebook, parse_line, parse_shop_url
from otop_pos.core.errors import InputError


@pytest.mark.parametrize(("written", "kept"), [
    ("@BaanMai", "@baanmai"), ("baanmai", "@baanmai"), ("LINE: @shop.ban", "@shop.ban"), ("ไลน์ @abc", "@abc"),
    ("Line ID : @123abcd", "@123abcd"), ("line.me/R/ti/p/@abc", "https://line.me/R/ti/p/@abc"),
    ("https://lin.ee/xYz9", "https://lin.ee/xYz9"), ("", ""), ("  ", ""),
])
def test_line_accounts_and_links_are_kept_one_way(written: str, kept: str) -> None:
    assert parse_line(written) == kept


@pytest.mark.parametrize("written", ["@ab cd", "ร้านผ้าไหม", "https://example.com/@abc", "@" + "a" * 60])
def test_a_bad_line_value_says_what_is_wanted(written: str) -> None:
    with pytest.raises(InputError) as err:
        parse_line(written)
    assert "LINE" in err.value.th and "LINE" in err.value.en


def test_facebook_and_shop_links() -> None:
    assert parse_facebook("facebook.com/บ้านผ้าไหม") == \
        "https://facebook.com/%E0%B8%9A%E0%B9%89%E0%B8%B2%E0%B8%99%E0%B8%9C%E0%B9%89%E0%B8%B2%E0%B9%84%E0%B8%AB%E0%B8%A1"
    assert parse_facebook("https://www.facebook.com/baanmai") == "https://www.facebook.com/baanmai"
    assert parse_shop_url("shopee.co.th/baanmai") == "https://shopee.co.th/baanmai"
    assert parse_shop_url("Shop: https://www.lazada.co.th/shop/x?a=1") == "https://www.lazada.co.th/shop/x?a=1"
    for bad, parse in (("บ้านผ้าไหม", parse_facebook), ("https://shopee.co.th/x", parse_facebook),
                       ("not a link", parse_shop_url), ("http://localhost", parse_shop_url),
                       ("https://user:pw@shop.example.com/", parse_shop_url)):
        with pytest.raises(InputError):
            parse(bad)


def test_the_receipt_link_prefers_line_then_the_shop_then_facebook() -> None:
    assert line_url("@abc") == "https://line.me/R/ti/p/@abc"
    link = channel_link("@abc", "https://shopee.co.th/x", "https://facebook.com/x")
    assert link is not None and (link.url, link.kind, link.caption("th")) == (
        "https://line.me/R/ti/p/@abc", "line", "ติดตามร้านทาง LINE")
    shop = channel_link("", "https://shopee.co.th/x", "https://facebook.com/x")
    assert shop is not None and shop.url == "https://shopee.co.th/x"
    face = channel_link("", "", "https://facebook.com/x")
    assert face is not None and face.kind == "facebook" and "Facebook" in face.caption("en")
    assert channel_link() is None
