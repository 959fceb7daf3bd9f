"""Illustrations for the demo desk, drawn with Pillow so nothing is downloaded.

Each picture comes from a style (map, chart, rails…), a palette and a seed; the same
inputs always give the same pixels, so a rerun finds the picture it made last time.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

# Large enough for every crop the outputs publish (a 1200 px square needs a 16:9 source 1200 px high),
# so the demo shows what a real photo desk would get; renditions never enlarge a smaller upload.
WIDTH, HEIGHT = 2400, 1350
# The styles draw in units of a 1600 px wide picture; _Scaled maps those units onto the real canvas.
DESIGN_WIDTH = 1600

# Muted editorial palettes: (background top, background bottom, ink, accent).
PALETTES = {
    "dusk": ((23, 37, 66), (73, 54, 92), (236, 228, 214), (238, 164, 84)),
    "sea": ((12, 52, 78), (32, 106, 128), (226, 238, 236), (245, 201, 92)),
    "sand": ((214, 190, 150), (171, 120, 84), (44, 36, 30), (160, 40, 36)),
    "jade": ((18, 66, 58), (60, 122, 96), (232, 240, 226), (232, 112, 80)),
    "slate": ((40, 44, 52), (86, 96, 112), (236, 236, 240), (90, 190, 220)),
    "paper": ((246, 241, 230), (226, 216, 196), (40, 40, 48), (196, 60, 48)),
    "night": ((8, 12, 28), (30, 40, 82), (210, 224, 255), (120, 230, 190)),
}


def font(size: int) -> ImageFont.FreeTypeFont:
    # Pillow's bundled font: identical on every machine, so the pictures are too.
    return ImageFont.load_default(size=size)


def render(style: str, *, palette: str, seed: int, label: str = "", size=(WIDTH, HEIGHT), fmt="JPEG") -> bytes:
    """The encoded picture for one image spec."""
    top, bottom, ink, accent = PALETTES[palette]
    canvas = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(canvas)
    _gradient(draw, size, top, bottom)
    scale = size[0] / DESIGN_WIDTH
    STYLES[style](_Scaled(draw, scale), (DESIGN_WIDTH, round(size[1] / scale)), random.Random(seed), ink, accent)
    if label:
        _label(draw, size, label, ink, top)
    buffer = io.BytesIO()
    canvas.save(buffer, format=fmt, **({"quality": 85} if fmt == "JPEG" else {}))
    return buffer.getvalue()


class _Scaled:
    """The few ImageDraw calls the styles make, with coordinates and line widths multiplied by `scale`."""

    def __init__(self, draw, scale: float):
        self.draw, self.scale = draw, scale

    def _xy(self, xy):
        scale = self.scale
        return [tuple(v * scale for v in point) if isinstance(point, tuple) else point * scale for point in xy]

    def _width(self, width: int) -> int:
        return max(round(width * self.scale), 1)

    def line(self, xy, fill=None, width=1, joint=None):
        self.draw.line(self._xy(xy), fill=fill, width=self._width(width), joint=joint)

    def rectangle(self, xy, fill=None, outline=None, width=1):
        self.draw.rectangle(self._xy(xy), fill=fill, outline=outline, width=self._width(width))

    def ellipse(self, xy, fill=None, outline=None, width=1):
        self.draw.ellipse(self._xy(xy), fill=fill, outline=outline, width=self._width(width))

    def polygon(self, xy, fill=None, outline=None):
        self.draw.polygon(self._xy(xy), fill=fill, outline=outline)

    def arc(self, xy, start, end, fill=None, width=1):
        self.draw.arc(self._xy(xy), start, end, fill=fill, width=self._width(width))


def _gradient(draw, size, top, bottom):
    width, height = size
    for y in range(height):
        t = y / max(height - 1, 1)
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))


def _label(draw, size, text, ink, shade):
    width, height = size
    type_size = max(height // 18, 18)
    box = draw.textbbox((0, 0), text, font=font(type_size))
    pad = type_size // 2
    x, y = pad * 2, height - (box[3] - box[1]) - pad * 4
    draw.rectangle([x - pad, y - pad, x + box[2] + pad, y + box[3] + pad], fill=shade)
    draw.text((x, y), text, font=font(type_size), fill=ink)


def _points(rng, width, height, count, margin=0.12):
    return [
        (rng.uniform(width * margin, width * (1 - margin)), rng.uniform(height * margin, height * (1 - margin * 2)))
        for _ in range(count)
    ]


def draw_map(draw, size, rng, ink, accent):
    """A graticule, a coastline and a corridor route with its stops: map-like, not a real map."""
    width, height = size
    for x in range(0, width, 160):
        draw.line([(x, 0), (x, height)], fill=_mix(ink, accent, 0.5), width=1)
    coast = [(width * 0.6 + rng.uniform(-50, 50) - y * 0.2, y) for y in range(0, height + 60, 60)]
    draw.polygon([(0, 0)] + coast + [(0, height)], fill=_mix(_mix(ink, accent, 0.3), (0, 0, 0), 0.55))
    stops = [
        (width * 0.14 + i * width * 0.075 + rng.uniform(-30, 30), height * 0.1 + i * height * 0.13) for i in range(6)
    ]
    draw.line(stops, fill=accent, width=9, joint="curve")
    for x, y in stops:
        draw.ellipse([x - 16, y - 16, x + 16, y + 16], fill=ink, outline=accent, width=6)


def draw_chart(draw, size, rng, ink, accent):
    """Bars rising with noise and a trend line over them, on a light grid."""
    width, height = size
    left, right, base, top = width * 0.1, width * 0.9, height * 0.78, height * 0.18
    for step in range(5):
        y = base - (base - top) * step / 4
        draw.line([(left, y), (right, y)], fill=_mix(ink, accent, 0.15), width=2)
    bars, value, tops = 12, 0.3, []
    bar_width = (right - left) / bars
    for i in range(bars):
        value = min(max(value + rng.uniform(-0.08, 0.14), 0.1), 0.95)
        x = left + i * bar_width
        y = base - (base - top) * value
        draw.rectangle([x + 8, y, x + bar_width - 8, base], fill=ink)
        tops.append((x + bar_width / 2, y - 24))
    draw.line(tops, fill=accent, width=8, joint="curve")


def draw_rails(draw, size, rng, ink, accent):
    """Two rails running to a vanishing point under a low sun."""
    width, height = size
    vanish = (width * rng.uniform(0.4, 0.6), height * 0.38)
    draw.ellipse([vanish[0] - 120, vanish[1] - 150, vanish[0] + 120, vanish[1] + 90], fill=accent)
    draw.rectangle([0, vanish[1], width, height], fill=_mix(ink, (0, 0, 0), 0.75))
    for offset in (-0.22, 0.22):
        draw.line([(width * (0.5 + offset), height), vanish], fill=ink, width=14)
    for i in range(1, 14):
        t = (i / 14) ** 2
        y = vanish[1] + (height - vanish[1]) * t
        half = width * 0.26 * t
        draw.line(
            [(vanish[0] - half, y), (vanish[0] + half, y)], fill=_mix(ink, accent, 0.4), width=max(int(10 * t), 2)
        )


def draw_mountains(draw, size, rng, ink, accent):
    """Layered ridges with a road winding up through them."""
    width, height = size
    for layer in range(4):
        base = height * (0.45 + layer * 0.13)
        ridge = [(0, height)]
        for x in range(0, width + 100, 100):
            ridge.append((x, base - rng.uniform(40, 200) * (1 - layer * 0.2)))
        ridge.append((width, height))
        draw.polygon(ridge, fill=_mix(ink, (20, 20, 30), 0.25 + layer * 0.18))
    road = [(width * (0.5 + 0.3 * math.sin(i / 2.2)), height - i * 38) for i in range(14)]
    draw.line(road, fill=accent, width=12, joint="curve")


def draw_network(draw, size, rng, ink, accent):
    """Nodes and links, a few of them lit: data and communications."""
    width, height = size
    nodes = _points(rng, width, height, 26, margin=0.06)
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            if math.dist(a, b) < 300:
                draw.line([a, b], fill=_mix(ink, accent, 0.2), width=2)
    for i, (x, y) in enumerate(nodes):
        radius = 18 if i % 5 == 0 else 9
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=accent if i % 5 == 0 else ink)


def draw_port(draw, size, rng, ink, accent):
    """A quay with stacked containers and a crane against the sky."""
    width, height = size
    quay = height * 0.7
    draw.rectangle([0, quay, width, height], fill=_mix(ink, (0, 0, 0), 0.7))
    colours = [accent, ink, _mix(ink, accent), _mix(accent, (0, 0, 0), 0.4)]
    for column in range(18):
        for row in range(rng.randint(1, 5)):
            x, y = 120 + column * 64, quay - (row + 1) * 44
            draw.rectangle([x, y, x + 60, y + 40], fill=rng.choice(colours), outline=(30, 30, 30))
    crane_x = width * 0.82
    draw.line([(crane_x, quay), (crane_x, height * 0.15)], fill=ink, width=16)
    draw.line([(crane_x - 420, height * 0.2), (crane_x + 120, height * 0.2)], fill=ink, width=14)
    draw.line([(crane_x - 300, height * 0.2), (crane_x - 300, height * 0.45)], fill=accent, width=4)


def draw_rings(draw, size, rng, ink, accent):
    """Concentric and overlapping circles: meetings, alliances, a table of delegations."""
    width, height = size
    centre = (width * 0.5, height * 0.45)
    for r in range(420, 40, -60):
        draw.ellipse(
            [centre[0] - r, centre[1] - r, centre[0] + r, centre[1] + r], outline=_mix(ink, accent, 0.3), width=3
        )
    for _ in range(2):
        x, y = centre[0] + rng.uniform(-220, 220), centre[1] + rng.uniform(-60, 60)
        draw.ellipse([x - 170, y - 170, x + 170, y + 170], outline=accent, width=10)


def draw_portrait(draw, size, rng, ink, accent):
    """A head-and-shoulders silhouette: a placeholder portrait, no real face."""
    width, height = size
    cx = width / 2
    draw.ellipse([cx - width * 0.17, height * 0.2, cx + width * 0.17, height * 0.54], fill=ink)
    draw.ellipse([cx - width * 0.36, height * 0.6, cx + width * 0.36, height * 1.3], fill=ink)
    draw.arc([cx - width * 0.42, height * 0.08, cx + width * 0.42, height * 0.92], 200, 340, fill=accent, width=10)


def draw_wordmark(draw, size, rng, ink, accent):
    """A meridian line through a globe: the publication's mark."""
    width, height = size
    r = min(width, height) * 0.36
    cx, cy = width * 0.5, height * 0.5
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=ink, width=8)
    draw.ellipse([cx - r * 0.45, cy - r, cx + r * 0.45, cy + r], outline=accent, width=6)
    draw.line([(cx - r, cy), (cx + r, cy)], fill=ink, width=4)


def _mix(a, b, t=0.5):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


STYLES = {
    "map": draw_map,
    "chart": draw_chart,
    "rails": draw_rails,
    "mountains": draw_mountains,
    "network": draw_network,
    "port": draw_port,
    "rings": draw_rings,
    "portrait": draw_portrait,
    "wordmark": draw_wordmark,
}
