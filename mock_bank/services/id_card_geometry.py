"""Where the code strip lies in a photo of a card held by hand, and the strip resampled into a straight rectangle.

A phone is never square to the card: the card turns a few degrees, its far edge looks shorter (keystone),
and it fills more or less of the frame. The strip's black frame is the card's fiducial, found in three moves
on the picture scaled to the card's size:

1. skew: the band where the strip lies is turned by trial angles within MAX_SKEW (coarse to fine); at the
   right angle the frame's long lines fall into single rows, and the rows' means change most sharply;
2. edges: in the straightened band the top and bottom lines are the sharpest steps into and out of dark,
   the side lines the first columns dark over the frame's whole height; each side is then measured near
   both of its ends, from its white margin inwards, to a fraction of a pixel, and the corners are where the
   sides meet, so each corner follows its own sides and a keystone's trapezoid is kept;
3. sampling: the corners are mapped back onto the picture and checked to lie on it, and the quadrilateral
   between them is resampled (bilinear interpolation, through the perspective map of the four corners)
   into a straight rectangle of the card's own cell size.
"""

from __future__ import annotations

import array
import itertools
import math

from PIL import Image, ImageStat

CARD_SIZE = (856, 540)
CELL = 8
ROWS, COLUMNS = 10, 96
STRIP_SIZE = ((COLUMNS + 2) * CELL, (ROWS + 2) * CELL)

# A hand-held phone turns the card by up to about 5 degrees; 6 leaves room and keeps the search short.
MAX_SKEW = 6.0
# Degrees. The first pass tries every step within MAX_SKEW; each later one five of its own steps either side of
# the best so far, a little more than one step of the pass before. 0.05 degrees moves the strip's ends 0.3 px.
SKEW_STEPS = (1.0, 0.2, 0.05)
COARSE_SCALE = 2
# Where the strip can be: its card rows (428-524) at 50-100% fill, turned by up to 6 degrees, lie below
# row 300. Columns 120-736 are inside the strip for any fill from 80% up, so they see only its lines; a
# smaller card leaves them some plain card or desk at either end, which only weakens the profile.
BAND_TOP = 300
PROFILE_COLUMNS = (120, 736)
# The frame is 12 cells tall; a card filling half the frame's width up to a little more than all of it shows
# it 0.5-1.1 times as tall. Below half a cell is under 4 px at the card's size and JPEG blurs it away.
SCALES = (0.5, 1.1)
# A column of the frame's side is dark in nearly every row between its top and bottom lines; pens and papers
# on a busy desk, like a column of data cells, hardly ever are over that height.
SIDE_DARK_SHARE = 0.9
# A corner must lie half a cell inside the picture: the frame's white margin has to be in the picture too,
# or a strip cut by the picture's edge would be found at that edge.
EDGE_MARGIN = CELL / 2

Point = tuple[float, float]


class StripNotFound(Exception):
    """No whole code strip in the picture; the message says why, for logs."""


def straight_strip(card: Image.Image) -> Image.Image:
    """The strip's frame and cells, STRIP_SIZE, from a greyscale picture already scaled to CARD_SIZE."""
    picture = card.convert("F")
    # Outside the picture reads as its mean: neither a black frame nor a sharp step at the picture's edge.
    fill = ImageStat.Stat(card).mean[0]
    angle = _skew(picture, fill)
    band = _turned(picture, angle, (0, BAND_TOP, picture.width, picture.height), fill)
    corners = [_to_picture(picture, angle, (x, y + BAND_TOP)) for x, y in _corners(band)]
    for x, y in corners:
        if not (EDGE_MARGIN <= x <= picture.width - EDGE_MARGIN and EDGE_MARGIN <= y <= picture.height - EDGE_MARGIN):
            raise StripNotFound(f"the code strip runs off the picture (a corner at {x:.0f}, {y:.0f})")
    width, height = STRIP_SIZE
    # A flat card seen at an angle is a perspective view: its map, not a bilinear one, keeps the cells evenly
    # spaced along a strip whose one end is farther from the lens than the other.
    view = _perspective([(0, 0), (width, 0), (width, height), (0, height)], corners)
    return card.transform(STRIP_SIZE, Image.Transform.PERSPECTIVE, view, Image.Resampling.BILINEAR)


def otsu(region: Image.Image) -> float:
    """The grey level that best splits a greyscale region into dark and light, whatever the lighting."""
    histogram = region.convert("L").histogram()
    total = sum(histogram)
    sum_all = sum(level * count for level, count in enumerate(histogram))
    best, best_level = -1.0, 128.0
    weight_dark, sum_dark = 0, 0
    for level, count in enumerate(histogram):
        weight_dark += count
        sum_dark += level * count
        weight_light = total - weight_dark
        if weight_dark == 0 or weight_light == 0:
            continue
        mean_dark, mean_light = sum_dark / weight_dark, (sum_all - sum_dark) / weight_light
        between = weight_dark * weight_light * (mean_dark - mean_light) ** 2
        if between > best:
            best, best_level = between, level + 0.5
    return best_level


def _skew(picture: Image.Image, fill: float) -> float:
    """The angle, in degrees, that turns the strip's lines level."""
    left, right = PROFILE_COLUMNS
    best = 0.0
    for step in SKEW_STEPS:
        # The first, whole-range pass only needs the nearest degree: at half size the frame's lines are still
        # 4 px thick and each trial turns a quarter of the pixels (measured: 73 ms a photo down to 60 ms).
        scale = COARSE_SCALE if step == SKEW_STEPS[0] else 1
        seen = picture.reduce(scale) if scale > 1 else picture
        box = (left // scale, BAND_TOP // scale, right // scale, seen.height)
        reach = round(MAX_SKEW / step) if step == SKEW_STEPS[0] else 5
        candidates = [best + step * index for index in range(-reach, reach + 1)]
        best = max((angle for angle in candidates if abs(angle) <= MAX_SKEW),
                   key=lambda angle: _sharpness(_turned(seen, angle, box, fill)))
    return best


def _sharpness(band: Image.Image) -> float:
    """How sharply the band's row means change: most when the frame's long lines each fall into single rows."""
    return sum((below - above) ** 2 for above, below in itertools.pairwise(_row_means(band)))


def _turned(picture: Image.Image, angle: float, box: tuple[int, int, int, int], fill: float) -> Image.Image:
    """The part `box` of the picture turned by `angle` about its centre; outside the picture reads `fill`."""
    left, top, right, bottom = box
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    centre_x, centre_y = picture.width / 2, picture.height / 2
    # AFFINE maps each output point back onto the picture: p = centre + R(angle) (q + offset - centre).
    data = (cos, -sin, cos * (left - centre_x) - sin * (top - centre_y) + centre_x,
            sin, cos, sin * (left - centre_x) + cos * (top - centre_y) + centre_y)
    return picture.transform((right - left, bottom - top), Image.Transform.AFFINE, data,
                             Image.Resampling.BILINEAR, fillcolor=fill)


def _to_picture(picture: Image.Image, angle: float, point: Point) -> Point:
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    centre_x, centre_y = picture.width / 2, picture.height / 2
    x, y = point[0] - centre_x, point[1] - centre_y
    return centre_x + cos * x - sin * y, centre_y + sin * x + cos * y


def _corners(band: Image.Image) -> list[Point]:
    """Top-left, top-right, bottom-right and bottom-left corners of the frame in the straightened band."""
    top, bottom = _rough_rows(band)
    scale = (bottom - top) / STRIP_SIZE[1]
    if not SCALES[0] <= scale <= SCALES[1]:
        raise StripNotFound(f"no code strip where the card keeps it (a frame {bottom - top} px tall)")
    cell = CELL * scale
    # The threshold comes from the frame, its cells and its white margin only, as the cells will be read.
    left, right = PROFILE_COLUMNS
    threshold = otsu(band.crop((left, max(0, round(top - 1.5 * cell)), right,
                                min(band.height, round(bottom + 1.5 * cell)))))
    # Each side is measured at two places, clear of the corners, where nothing but the frame's line is dark.
    middle = (top + bottom) / 2
    inside = (top + 1.5 * cell, bottom - 1.5 * cell)
    halves = ((inside[0], middle), (middle, inside[1]))
    left_x, right_x = (_side_column(band, inside, threshold, cell, inwards) for inwards in (1, -1))
    left_side = [_upright_side(band, rows, threshold, left_x - cell, 1) for rows in halves]
    right_side = [_upright_side(band, rows, threshold, right_x + cell, -1) for rows in halves]
    ends = ((left_x + cell, left_x + 11 * cell), (right_x - 11 * cell, right_x - cell))
    top_side = [_level_side(band, columns, threshold, top - 1.5 * cell, 1) for columns in ends]
    bottom_side = [_level_side(band, columns, threshold, bottom + 1.5 * cell, -1) for columns in ends]
    return [_meet(top_side, left_side), _meet(top_side, right_side), _meet(bottom_side, right_side),
            _meet(bottom_side, left_side)]


def _side_column(band: Image.Image, rows: tuple[float, float], threshold: float, cell: float, inwards: int) -> int:
    """The first column of the frame's left (inwards 1) or right (-1) side line, met from the picture's edge."""
    strip = band.crop((0, round(rows[0]), band.width, round(rows[1]))).convert("L")
    dark = strip.point(lambda level: 255 if level < threshold else 0).resize((band.width, 1), Image.Resampling.BOX)
    shares = [level / 255 for level in dark.tobytes()]
    width = max(1, round(cell / 4))  # the line is a cell wide; a quarter of it stays dark in a blurred photo
    columns = range(band.width - width + 1) if inwards > 0 else range(band.width - 1, width - 2, -1)
    for column in columns:
        if all(shares[column + inwards * offset] >= SIDE_DARK_SHARE for offset in range(width)):
            return column
    raise StripNotFound("no code strip frame where the card keeps it (no side line)")


def _upright_side(band: Image.Image, rows: tuple[float, float], threshold: float, start: float,
                  inwards: int) -> Point:
    """A point of the frame's left (inwards 1) or right (-1) side, met from `start` in its white margin."""
    strip = band.crop((0, round(rows[0]), band.width, round(rows[1])))
    means = _floats(strip.resize((band.width, 1), Image.Resampling.BOX))
    return _edge(means, threshold, inwards, start), sum(rows) / 2


def _level_side(band: Image.Image, columns: tuple[float, float], threshold: float, start: float,
                inwards: int) -> Point:
    """A point of the frame's top (inwards 1) or bottom (-1) side, met from `start` in its white margin."""
    profile = _row_means(band.crop((round(columns[0]), 0, round(columns[1]), band.height)))
    return sum(columns) / 2, _edge(profile, threshold, inwards, start)


def _rough_rows(band: Image.Image) -> tuple[int, int]:
    """The frame's top and bottom (exclusive) rows: the sharpest steps into and out of dark across the band."""
    left, right = PROFILE_COLUMNS
    profile = _row_means(band.crop((left, 0, right, band.height)))
    steps = [below - above for above, below in itertools.pairwise(profile)]
    into_dark = min(range(len(steps)), key=lambda row: steps[row])
    # Out of the dark again, as far below as a frame of some card size can reach.
    heights = range(math.floor(SCALES[0] * STRIP_SIZE[1]), math.ceil(SCALES[1] * STRIP_SIZE[1]) + 1)
    below = [into_dark + height for height in heights if into_dark + height < len(steps)]
    if not below:
        raise StripNotFound("no code strip where the card keeps it (its top too low in the picture)")
    out_of_dark = max(below, key=lambda row: steps[row])
    return into_dark + 1, out_of_dark + 1


def _edge(profile: list[float], threshold: float, inwards: int, start: float) -> float:
    """Where the profile first turns dark walking `inwards` (+1 or -1) from `start`, past a light sample.

    The answer is where the threshold is crossed between the two samples, in continuous coordinates
    (sample i covers i to i + 1).
    """
    size = len(profile)
    index, seen_light = min(size - 1, max(0, math.floor(start))), False
    while 0 <= index < size:
        if profile[index] >= threshold:
            seen_light = True
        elif seen_light:
            previous = profile[index - inwards]
            share = (previous - threshold) / (previous - profile[index])
            return index + 0.5 - inwards + inwards * share
        index += inwards
    raise StripNotFound("no code strip frame where the card keeps it")


def _row_means(band: Image.Image) -> list[float]:
    return _floats(band.resize((1, band.height), Image.Resampling.BOX))


def _floats(image: Image.Image) -> list[float]:
    """An F image's pixels, row by row (Pillow keeps them as native 32-bit floats)."""
    return list(array.array("f", image.tobytes()))


def _meet(one: list[Point], other: list[Point]) -> Point:
    """Where two lines, each through two points, cross."""
    (x1, y1), (x2, y2) = one
    (x3, y3), (x4, y4) = other
    denominator = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    if abs(denominator) < 1e-9:
        raise StripNotFound("the code strip's sides do not meet")
    first, second = x1 * y2 - y1 * x2, x3 * y4 - y3 * x4
    return ((first * (x3 - x4) - (x1 - x2) * second) / denominator,
            (first * (y3 - y4) - (y1 - y2) * second) / denominator)


def _perspective(sources: list[Point], targets: list[Point]) -> tuple[float, ...]:
    """The 8 coefficients of the perspective map taking each of four source points to its target."""
    rows: list[list[float]] = []
    for (x, y), (u, v) in zip(sources, targets, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, v])
    # Gauss-Jordan elimination with partial pivoting; four corners of a real quadrilateral never make it singular.
    for column in range(8):
        pivot = max(range(column, 8), key=lambda row: abs(rows[row][column]))
        rows[column], rows[pivot] = rows[pivot], rows[column]
        if abs(rows[column][column]) < 1e-12:
            raise StripNotFound("the code strip's corners make no quadrilateral")
        rows[column] = [value / rows[column][column] for value in rows[column]]
        for row in range(8):
            if row != column:
                factor = rows[row][column]
                rows[row] = [value - factor * lead for value, lead in zip(rows[row], rows[column], strict=True)]
    return tuple(row[8] for row in rows)
