"""Synthetic watermarks for the watermark-removal measurements (run at test time in the setup
venv; Pillow draws, fonts from Debian's fonts-dejavu-core and fonts-noto-cjk).

usage: make_watermarks.py OUT_DIR LONGER_SIDE KINDS JOB...   with JOB = NAME:SEED:PHOTO_PATH

KINDS is a comma-separated list of text, logo and tiled. For each job it writes NAME-clean.png
(the photo, longer side scaled down to LONGER_SIDE) and, for each kind, NAME-KIND-marked.png
(with the watermark) and NAME-KIND-alpha.png (the watermark's alpha, 0-255: the ground truth
of where the mark is). The marks are drawn from a generator seeded by SEED, the kind and NAME.
"""
import math
import random
import sys

from PIL import Image, ImageDraw, ImageFont

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
# (font file, collection index, texts it can draw)
FONTS = [
    (DEJAVU + "DejaVuSans-Bold.ttf", 0, ["© Loupe Stock", "SAMPLE", "PREVIEW ONLY"]),
    (DEJAVU + "DejaVuSerif.ttf", 0, ["© 2026 Photo Agency", "Studio Lumière"]),
    (DEJAVU + "DejaVuSansMono.ttf", 0, ["www.example-photos.com", "ID 48213977"]),
    (DEJAVU + "DejaVuSans-Oblique.ttf", 0, ["@loupe_pictures", "Draft copy"]),
    (NOTO_CJK, 2, ["版权所有 图片库", "样图 请勿商用"]),
]


def font(rng, size):
    path, index, texts = rng.choice(FONTS)
    return ImageFont.truetype(path, size, index=index), rng.choice(texts)


def colour(rng, opacity):
    shade = 255 if rng.random() < 0.7 else 0
    return (shade, shade, shade, int(round(255 * opacity)))


def place(rng, width, height, w, h, margin):
    spots = {
        "top-left": (margin, margin),
        "top-right": (width - w - margin, margin),
        "bottom-left": (margin, height - h - margin),
        "bottom-right": (width - w - margin, height - h - margin),
        "bottom-centre": ((width - w) // 2, height - h - margin),
        "centre": ((width - w) // 2, (height - h) // 2),
    }
    return spots[rng.choice(sorted(spots))]


def text_mark(rng, width, height):
    layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    size = max(18, int(min(width, height) * rng.uniform(0.05, 0.11)))
    face, text = font(rng, size)
    draw = ImageDraw.Draw(layer)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=face)
    # Wider than the photo: smaller until it fits with margins.
    while right - left > width * 0.9 and size > 12:
        size = int(size * 0.85)
        face = ImageFont.truetype(face.path, size, index=face.index)
        left, top, right, bottom = draw.textbbox((0, 0), text, font=face)
    x, y = place(rng, width, height, right - left, bottom - top, int(0.04 * min(width, height)))
    draw.text((x - left, y - top), text, font=face, fill=colour(rng, rng.uniform(0.3, 0.8)))
    return layer


def logo_mark(rng, width, height):
    """An emblem (ring around a star) with a wordmark beside it, drawn opaque, then faded."""
    side = max(36, int(min(width, height) * rng.uniform(0.12, 0.2)))
    face, _ = font(rng, int(side * 0.45))
    text = rng.choice(["LOUPE", "Lens&Co", "PIXELA"])
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    left, top, right, bottom = probe.textbbox((0, 0), text, font=face)
    w, h = side + side // 5 + (right - left), side
    emblem = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(emblem)
    ring = max(3, side // 10)
    draw.ellipse((0, 0, side - 1, side - 1), outline=255, width=ring)
    c, r = side / 2, side * 0.3
    points = [
        (c + (r if k % 2 == 0 else r * 0.45) * math.sin(math.pi * k / 5),
         c - (r if k % 2 == 0 else r * 0.45) * math.cos(math.pi * k / 5))
        for k in range(10)
    ]
    draw.polygon(points, fill=255)
    draw.text((side + side // 5 - left, (h - (bottom - top)) // 2 - top), text, font=face, fill=255)
    opacity = rng.uniform(0.3, 0.8)
    x, y = place(rng, width, height, w, h, int(0.04 * min(width, height)))
    shade = 255 if rng.random() < 0.7 else 0
    layer = Image.new("RGBA", (width, height), (shade, shade, shade, 0))
    alpha = Image.new("L", (width, height), 0)
    alpha.paste(emblem.point(lambda v: int(round(v * opacity))), (x, y))
    layer.putalpha(alpha)
    return layer


def tiled_mark(rng, width, height):
    """One short text repeated on a grid over the whole photo, turned by 20-40 degrees."""
    size = max(16, int(min(width, height) * rng.uniform(0.045, 0.07)))
    face, text = font(rng, size)
    opacity = rng.uniform(0.3, 0.6)
    angle = rng.uniform(20, 40)
    span = int(math.hypot(width, height)) + 2 * size
    tile = Image.new("RGBA", (span, span), (0, 0, 0, 0))
    draw = ImageDraw.Draw(tile)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=face)
    step_x, step_y = int((right - left) * 1.6), int(size * 3.5)
    fill = colour(rng, opacity)
    for row, y in enumerate(range(0, span, step_y)):
        shift = (row % 2) * step_x // 2
        for x in range(-step_x + shift, span, step_x):
            draw.text((x, y), text, font=face, fill=fill)
    tile = tile.rotate(angle, resample=Image.BICUBIC)
    return tile.crop(((span - width) // 2, (span - height) // 2, (span - width) // 2 + width, (span - height) // 2 + height))


def main():
    out, longer, kinds = sys.argv[1], int(sys.argv[2]), [k for k in sys.argv[3].split(",") if k]
    for job in sys.argv[4:]:
        name, seed, path = job.split(":", 2)
        photo = Image.open(path).convert("RGB")
        scale = longer / max(photo.size)
        if scale < 1:
            photo = photo.resize((max(1, round(photo.width * scale)), max(1, round(photo.height * scale))), Image.LANCZOS)
        photo.save(f"{out}/{name}-clean.png")
        for kind in kinds:
            rng = random.Random(f"{seed}:{kind}:{name}")
            mark = {"text": text_mark, "logo": logo_mark, "tiled": tiled_mark}[kind](rng, photo.width, photo.height)
            marked = photo.copy()
            marked.paste(mark, (0, 0), mark)
            marked.save(f"{out}/{name}-{kind}-marked.png")
            mark.getchannel("A").save(f"{out}/{name}-{kind}-alpha.png")


main()
