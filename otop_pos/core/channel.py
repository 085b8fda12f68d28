"""The producer's own channel: a LINE official account, a Facebook page and an online shop.

The registry, the booth package and the booth settings hold three optional texts, checked and normalised
here, so one value reads the same everywhere:

- LINE: an account id ("@abc", "@123abcd"; written "LINE: @abc", "ไลน์ @abc" too) or a LINE link
  ("https://line.me/R/ti/p/@abc", "lin.ee/xyz"); an id is kept as "@abc" (lower case), a link as an https URL.
- Facebook: a link to facebook.com, fb.com, fb.me or fb.watch (the scheme may be left out).
- Shop: any web link (Shopee, Lazada, the producer's own site; the scheme may be left out).

``channel_link`` picks the one link a receipt's QR carries: LINE first, else the shop, else Facebook; a LINE
id "@abc" becomes https://line.me/R/ti/p/@abc. Each bad value is an ``InputError`` with Thai and English text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from otop_pos.core.errors import InputError
from otop_pos.core.limits import MAX_CHANNEL_CHARS

__all__ = ["MAX_CHANNEL_CHARS", "parse_line", "parse_facebook", "parse_shop_url", "channel_link", "ChannelLink",
           "line_url", "CHANNEL_FIELDS",
           "channel_caption"]

#: The settings / store field names, in the order a receipt prefers them.
CHANNEL_FIELDS = ("line_account", "shop_url", "facebook_page")

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_LABEL_RE = re.compile(r"^(?:line\s*(?:oa|id|official(?:\s*account)?)?|ไลน์(?:\s*ไอดี)?|ไอดีไลน์|"
                       r"facebook(?:\s*page)?|fb|เฟซบุ๊ก|เฟสบุ๊ค|เพจ|shop|ร้านออนไลน์|เว็บไซต์|website)(?:\s*[:：]\s*|\s+)",
                       re.IGNORECASE)
_LINE_ID_RE = re.compile(r"^@[a-z0-9._-]{2,40}$")
_HOST_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")
_LINE_HOSTS = ("line.me", "lin.ee", "page.line.me")
_FACEBOOK_HOSTS = ("facebook.com", "fb.com", "fb.me", "fb.watch")


def _clean(text: str) -> str:
    body = unicodedata.normalize("NFKC", text or "").translate(_INVISIBLE).strip()
    return _LABEL_RE.sub("", body, count=1).strip() if body else ""


def _too_long(text: str, th: str, en: str) -> None:
    if len(text) > MAX_CHANNEL_CHARS:
        raise InputError(f"{th}ยาว {len(text):,} ตัวอักษร เกินที่ระบบรับได้ {MAX_CHANNEL_CHARS}",
                         f"The {en} is {len(text):,} characters long; the app takes at most {MAX_CHANNEL_CHARS}.")


def _url(text: str, th: str, en: str, example: str = "https://shopee.co.th/shop") -> tuple[str, str]:
    """(the link as an https/http URL with its path percent-encoded, its host in lower case)."""
    body = text if re.match(r"(?i)^https?://", text) else "https://" + text.lstrip("/")
    bad = InputError(f"{th} “{text}” ไม่ใช่ลิงก์เว็บ (เช่น {example})",
                     f"The {en} “{text}” is not a web link (such as {example}).")
    if any(ch.isspace() for ch in body):
        raise bad
    try:
        parts = urlsplit(body)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise bad from None
    if not _HOST_RE.match(host) or parts.username or parts.password:
        raise bad
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=?-._~")
    url = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, quote(parts.fragment, safe="%/-._~")))
    _too_long(url, th, en)
    return url, host


def _on(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def parse_line(text: str) -> str:
    """"@abc" (an account id, lower case) or a line.me / lin.ee link; "" when empty."""
    body = _clean(text)
    if not body:
        return ""
    _too_long(body, "LINE ", "LINE account")
    if "." in body and "/" in body or body.lower().startswith(("http", "line.me", "lin.ee")):
        url, host = _url(body, "ลิงก์ LINE", "LINE link", "https://line.me/R/ti/p/@abc")
        if not _on(host, _LINE_HOSTS):
            raise InputError(f"ลิงก์ LINE “{body}” ไม่ใช่ลิงก์ของ line.me หรือ lin.ee",
                             f"The LINE link “{body}” is not a line.me or lin.ee link.")
        return url
    account = body.casefold()
    if not account.startswith("@"):
        account = "@" + account
    if not _LINE_ID_RE.match(account):
        raise InputError(f"LINE “{body}” ไม่ใช่ไอดีบัญชีทางการ (เช่น @abc) หรือลิงก์ line.me",
                         f"The LINE “{body}” is not an official account id (such as @abc) or a line.me link.")
    return account


def parse_facebook(text: str) -> str:
    """A facebook.com (fb.com, fb.me) link as an https URL; "" when empty."""
    body = _clean(text)
    if not body:
        return ""
    url, host = _url(body, "เพจ Facebook", "Facebook page", "https://facebook.com/page")
    if not _on(host, _FACEBOOK_HOSTS):
        raise InputError(f"เพจ Facebook “{body}” ต้องเป็นลิงก์ของ facebook.com (เช่น facebook.com/ชื่อเพจ)",
                         f"The Facebook page “{body}” must be a facebook.com link (such as facebook.com/page).")
    return url


def parse_shop_url(text: str) -> str:
    """Any web link as an https (or http) URL; "" when empty."""
    body = _clean(text)
    return _url(body, "ร้านออนไลน์", "online shop")[0] if body else ""


def line_url(line: str) -> str:
    """The link of a LINE value: an account id "@abc" → https://line.me/R/ti/p/@abc; a link as it is."""
    return f"https://line.me/R/ti/p/{line}" if line.startswith("@") else line


@dataclass(frozen=True)
class ChannelLink:
    """The one link a receipt carries, which channel it is ("line", "shop", "facebook") and its caption."""

    url: str
    kind: str
    caption_th: str
    caption_en: str

    def caption(self, lang: str) -> str:
        """The caption in "th" or "en"."""
        return self.caption_en if lang == "en" else self.caption_th


_CAPTIONS = {
    "line": ("ติดตามร้านทาง LINE", "Follow the shop on LINE"),
    "shop": ("สั่งซื้อออนไลน์ได้ที่ร้านค้านี้", "Order online from this shop"),
    "facebook": ("ติดตามร้านทาง Facebook", "Follow the shop on Facebook"),
}


def channel_caption(kind: str, lang: str) -> str:
    """The caption under a channel QR ("ติดตามร้านทาง LINE"), in "th" or "en"; "" for an unknown kind."""
    th, en = _CAPTIONS.get(kind, ("", ""))
    return en if lang == "en" else th


def channel_link(line_account: str = "", shop_url: str = "", facebook_page: str = "") -> ChannelLink | None:
    """The producer's link (LINE first, else the shop, else Facebook), or None when none is set."""
    for kind, value in (("line", line_url(line_account) if line_account else ""), ("shop", shop_url),
                        ("facebook", facebook_page)):
        if value:
            th, en = _CAPTIONS[kind]
            return ChannelLink(value, kind, th, en)
    return None
