"""How a hand holds a card in front of the camera: how much of the frame it fills, turned, and seen at an angle.

A phone is never held quite square to the card: the card turns a few degrees in the frame (tilt) and, seen
from a little below or beside, its far edge looks shorter than its near one (keystone). A pose places the
card's picture on a background through one perspective transform, so the card is resampled only once, as a
camera's lens and sensor would see it once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PIL import Image

Point = tuple[float, float]


@dataclass(frozen=True)
class Pose:
    """fill: the card's width over the frame's; tilt: degrees, counter-clockwise on screen;
    keystone: how much shorter the card's top edge looks than its bottom one (0.06 is 6%);
    side_keystone: the same for its left edge against its right one."""

    fill: float = 1.0
    tilt: float = 0.0
    keystone: float = 0.0
    side_keystone: float = 0.0


def card_corners(pose: Pose, card_size: tuple[int, int], frame_size: tuple[int, int]) -> list[Point]:
    """Where the card's top-left, top-right, bottom-right and bottom-left corners land in the frame."""
    half_width, half_height = card_size[0] / 2, card_size[1] / 2
    top, left = 1 - pose.keystone, 1 - pose.side_keystone
    # The card's corners about its centre, its far edges shortened, then scaled, turned and centred.
    corners = [(-half_width * top, -half_height * left), (half_width * top, -half_height),
               (half_width, half_height), (-half_width, half_height * left)]
    scale = pose.fill * frame_size[0] / card_size[0]
    turn = math.radians(pose.tilt)
    cos, sin = math.cos(turn), math.sin(turn)
    centre_x, centre_y = frame_size[0] / 2, frame_size[1] / 2
    # Image y grows downwards, so a counter-clockwise turn on screen subtracts the sine term from y.
    return [(centre_x + scale * (x * cos + y * sin), centre_y + scale * (y * cos - x * sin)) for x, y in corners]


def place(card: Image.Image, pose: Pose, background: Image.Image) -> Image.Image:
    """The background with the card on it in the given pose (the background is not changed)."""
    width, height = card.size
    corners = card_corners(pose, card.size, background.size)
    # PERSPECTIVE maps each output pixel back to the card, so the map solved for is frame -> card.
    coefficients = _homography(corners, [(0, 0), (width, 0), (width, height), (0, height)])
    seen = card.convert("RGB").transform(background.size, Image.Transform.PERSPECTIVE, coefficients,
                                         Image.Resampling.BICUBIC)
    covered = Image.new("L", card.size, 255).transform(background.size, Image.Transform.PERSPECTIVE,
                                                       coefficients, Image.Resampling.BILINEAR)
    scene = background.convert("RGB")
    scene.paste(seen, (0, 0), covered)
    return scene


def _homography(sources: list[Point], targets: list[Point]) -> tuple[float, ...]:
    """The 8 coefficients of the perspective map taking each source point to its target."""
    rows: list[list[float]] = []
    for (x, y), (u, v) in zip(sources, targets, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, v])
    return tuple(_solve(rows))


def _solve(rows: list[list[float]]) -> list[float]:
    """Gauss-Jordan elimination with partial pivoting on an augmented n x (n+1) matrix."""
    size = len(rows)
    for column in range(size):
        pivot = max(range(column, size), key=lambda row: abs(rows[row][column]))
        rows[column], rows[pivot] = rows[pivot], rows[column]
        lead = rows[column][column]
        rows[column] = [value / lead for value in rows[column]]
        for row in range(size):
            if row != column:
                factor = rows[row][column]
                rows[row] = [value - factor * lead_value for value, lead_value in zip(rows[row], rows[column],
                                                                                        strict=True)]
    return [row[size] for row in rows]
