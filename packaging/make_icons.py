"""Draws the two app icons (booth: a stall with its awning; organiser: a chart) as PNGs and a Windows .ico.

    python packaging/make_icons.py OUT_DIR
gives OUT_DIR/otop-pos-{48,128,256}.png, otop-pos-organiser-{48,128,256}.png and the Windows icons otop-pos.ico
(the executables, the installer, the booth's Start-menu entry) and otop-pos-organiser.ico. Drawn with
Pillow at build time, so no binary image is kept in the repository.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

SIZES = (48, 128, 256)
BLUE, GOLD, WHITE, GREEN, RED = (27, 58, 107), (242, 183, 5), (255, 255, 255), (22, 110, 72), (200, 40, 40)


def _tile(colour: tuple[int, int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("RGBA", (256, 256), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((8, 8, 248, 248), radius=44, fill=colour)
    return img, draw


def booth_icon() -> Image.Image:
    """A market stall: striped awning over a counter."""
    img, draw = _tile(BLUE)
    for i in range(5):  # the awning's stripes, alternating
        x0 = 40 + i * 35
        draw.rectangle((x0, 56, x0 + 35, 104), fill=RED if i % 2 == 0 else WHITE)
        draw.pieslice((x0, 86, x0 + 35, 122), 0, 180, fill=RED if i % 2 == 0 else WHITE)
    draw.rectangle((52, 120, 62, 200), fill=WHITE)      # the posts
    draw.rectangle((194, 120, 204, 200), fill=WHITE)
    draw.rounded_rectangle((40, 168, 216, 208), radius=8, fill=GOLD)   # the counter
    return img


def organiser_icon() -> Image.Image:
    """The fair's figures: three bars rising, on green."""
    img, draw = _tile(GREEN)
    for i, height in enumerate((60, 100, 140)):
        x0 = 56 + i * 52
        draw.rounded_rectangle((x0, 196 - height, x0 + 38, 196), radius=6, fill=GOLD if i == 2 else WHITE)
    draw.rectangle((44, 200, 212, 208), fill=WHITE)
    return img


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("build/icons")
    out.mkdir(parents=True, exist_ok=True)
    for name, image in (("otop-pos", booth_icon()), ("otop-pos-organiser", organiser_icon())):
        for size in SIZES:
            image.resize((size, size), Image.LANCZOS).save(out / f"{name}-{size}.png")
        image.save(out / f"{name}.ico", sizes=[(16, 16), (32, 32), (48, 48), (256, 256)])
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
