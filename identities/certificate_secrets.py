"""A customer's certificate PIN and pattern, chosen the way a careful customer would choose them."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

# Points a finger can move to next without sliding over a third dot (king moves on the 3x3 grid).
NEIGHBOURS: dict[int, tuple[int, ...]] = {
    1: (2, 4, 5), 2: (1, 3, 4, 5, 6), 3: (2, 5, 6),
    4: (1, 2, 5, 7, 8), 5: (1, 2, 3, 4, 6, 7, 8, 9), 6: (2, 3, 5, 8, 9),
    7: (4, 5, 8), 8: (4, 5, 6, 7, 9), 9: (5, 6, 8),
}


@dataclass(frozen=True, repr=False)
class CertificateSecrets:
    pin: str
    pattern: tuple[int, ...]

    def __repr__(self) -> str:
        return "CertificateSecrets(pin=[CENSORED], pattern=[CENSORED])"


def is_weak_pin(pin: str, birth: date) -> bool:
    """The bank's published PIN rules: no repeats, no straight runs, no birth date."""
    steps = {int(b) - int(a) for a, b in pairwise(pin)}
    straight = len(steps) == 1 and steps <= {1, -1}
    triple = any(pin[i] == pin[i + 1] == pin[i + 2] for i in range(len(pin) - 2))
    return len(set(pin)) == 1 or straight or triple or pin == birth.strftime("%y%m%d")


def make_pin(rng: random.Random, birth: date) -> str:
    while True:
        pin = "".join(str(rng.randrange(10)) for _ in range(6))
        if not is_weak_pin(pin, birth):
            return pin


def make_pattern(rng: random.Random, length: int | None = None) -> tuple[int, ...]:
    length = length or rng.randint(4, 7)
    while True:
        points = [rng.randint(1, 9)]
        while len(points) < length:
            choices = [point for point in NEIGHBOURS[points[-1]] if point not in points]
            if not choices:
                break
            points.append(rng.choice(choices))
        if len(points) == length:
            return tuple(points)


def make_secrets(rng: random.Random, birth: date) -> CertificateSecrets:
    return CertificateSecrets(make_pin(rng, birth), make_pattern(rng))


def weak_pin(kind: str, rng: random.Random, birth: date) -> str:
    """A PIN of the named weak kind that is not also the customer's birth date (unless that is the kind)."""
    makers = {
        "같은 숫자 반복": lambda: str(rng.randrange(10)) * 6,
        "오름차순 연속 숫자": lambda: "0123456789"[(start := rng.randrange(5)):start + 6],
        "내림차순 연속 숫자": lambda: "9876543210"[(start := rng.randrange(5)):start + 6],
        "같은 숫자 세 번 연속": lambda: _with_triple(rng),
        "생년월일": lambda: birth.strftime("%y%m%d"),
    }
    if kind not in makers:
        raise KeyError(f"no weak-PIN kind {kind!r}; known: {', '.join(makers)}")
    while True:
        pin = makers[kind]()
        if kind == "생년월일" or pin != birth.strftime("%y%m%d"):
            return pin


def _with_triple(rng: random.Random) -> str:
    """Three equal digits in a row, and otherwise not weak, so only that rule applies."""
    while True:
        digit = str(rng.randrange(10))
        at = rng.randrange(4)
        rest = [str(rng.randrange(10)) for _ in range(3)]
        pin = "".join(rest[:at]) + digit * 3 + "".join(rest[at:])
        if len(set(pin)) > 1 and not any(pin[i] == pin[i + 1] == pin[i + 2] == pin[i + 3] for i in range(3)):
            return pin
