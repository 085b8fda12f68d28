"""A small ESC/POS decoder for tests: ``GS v 0`` raster blocks (and ``ESC J`` dot feeds between them, as
blank rows) back into one 1-bit PIL image.

It also records what else the stream does (init, feeds, cuts, drawer kicks, status requests) and refuses
any byte it does not understand, so a test notices stray commands.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image


@dataclass
class Decoded:
    """The decoded stream: the printed ``image`` (mode "1", white = 255) and the other commands."""

    image: Image.Image
    blocks: list[tuple[int, int]] = field(default_factory=list)  # (width in dots, height in rows)
    inits: int = 0
    feeds: int = 0
    dot_feeds: list[int] = field(default_factory=list)  # ESC J n: n blank rows of paper
    cuts: list[str] = field(default_factory=list)  # "full" / "partial"
    drawer_kicks: list[int] = field(default_factory=list)  # pin numbers
    status_requests: list[int] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # "init", "image", "feed", "cut", "drawer", "status"


def decode(data: bytes) -> Decoded:
    """Parse ``data``; raises ``ValueError`` on an unknown or truncated command."""
    i = 0
    n = len(data)
    parts: list[Image.Image] = []
    out = Decoded(image=Image.new("1", (1, 1), 1))

    def need(count: int) -> bytes:
        if i + count > n:
            raise ValueError(f"truncated command at byte {i}")
        return data[i: i + count]

    while i < n:
        b = data[i]
        if b == 0x0A:  # LF
            out.feeds += 1
            out.order.append("feed")
            i += 1
        elif b == 0x1B:  # ESC
            cmd = need(2)[1]
            if cmd == 0x40:  # ESC @ initialise
                out.inits += 1
                out.order.append("init")
                i += 2
            elif cmd == 0x64:  # ESC d n (feed lines)
                need(3)
                out.feeds += 1
                out.order.append("feed")
                i += 3
            elif cmd == 0x4A:  # ESC J n: feed n dots, blank paper in the printed image
                rows = need(3)[2]
                parts.append(Image.new("1", (0, rows), 1))  # width set when the image is assembled
                out.dot_feeds.append(rows)
                out.order.append("dot_feed")
                i += 3
            elif cmd == 0x70:  # ESC p m t1 t2 drawer kick
                m = need(5)[2]
                out.drawer_kicks.append(2 if m in (0, 0x30) else 5)
                out.order.append("drawer")
                i += 5
            elif cmd in (0x61, 0x33, 0x21, 0x45, 0x74):  # align, line spacing, mode, bold, code page
                need(3)
                i += 3
            elif cmd == 0x32:  # ESC 2 default line spacing
                i += 2
            else:
                raise ValueError(f"unknown ESC command {cmd:#04x} at byte {i}")
        elif b == 0x1D:  # GS
            cmd = need(2)[1]
            if cmd == 0x56:  # GS V m [n] cut
                m = need(3)[2]
                length = 4 if m in (65, 66) else 3
                need(length)
                out.cuts.append("partial" if m in (1, 0x31, 66) else "full")
                out.order.append("cut")
                i += length
            elif cmd == 0x76:  # GS v 0 m xL xH yL yH d1...dk raster bit image
                head = need(8)
                if head[2] != 0x30:
                    raise ValueError(f"GS v {head[2]:#04x} is not GS v 0 at byte {i}")
                width_bytes = head[4] + 256 * head[5]
                height = head[6] + 256 * head[7]
                size = width_bytes * height
                i += 8
                bits = need(size)
                i += size
                # ESC/POS: bit 1 = black dot; PIL "1;I" reads 1 bits as black
                parts.append(Image.frombytes("1", (width_bytes * 8, height), bits, "raw", "1;I"))
                out.blocks.append((width_bytes * 8, height))
                out.order.append("image")
            else:
                raise ValueError(f"unknown GS command {cmd:#04x} at byte {i}")
        elif b == 0x10:  # DLE EOT n
            head = need(3)
            if head[1] != 0x04:
                raise ValueError(f"unknown DLE command at byte {i}")
            out.status_requests.append(head[2])
            out.order.append("status")
            i += 3
        else:
            raise ValueError(f"unexpected byte {b:#04x} at {i}")

    if parts:
        width = max(p.width for p in parts)
        if any(p.width not in (0, width) for p in parts):
            raise ValueError("raster blocks of different widths")
        image = Image.new("1", (width, sum(p.height for p in parts)), 1)
        y = 0
        for part in parts:
            if part.width:
                image.paste(part, (0, y))
            y += part.height
        out.image = image
    return out


def black_ratio(image: Image.Image) -> float:
    """Share of black pixels in a 1-bit image."""
    hist = image.convert("L").histogram()
    return hist[0] / max(1, image.width * image.height)


def diff_ratio(a: Image.Image, b: Image.Image) -> float:
    """Share of pixels that differ between two 1-bit images of the same size."""
    from PIL import ImageChops

    if a.size != b.size:
        raise ValueError(f"sizes differ: {a.size} != {b.size}")
    xor = ImageChops.logical_xor(a.convert("1"), b.convert("1"))
    hist = xor.convert("L").histogram()
    return hist[255] / max(1, a.width * a.height)
