"""운전면허번호 rules: the region codes in use since 2011, the number's layout, and its check digit."""

from __future__ import annotations

import re

# The numeric region codes that replaced the region names on licences; 27 was never assigned.
LICENCE_REGIONS: dict[str, str] = {
    "11": "서울", "12": "부산", "13": "경기", "14": "강원", "15": "충북", "16": "충남", "17": "전북",
    "18": "전남", "19": "경북", "20": "경남", "21": "제주", "22": "대구", "23": "인천", "24": "광주",
    "25": "대전", "26": "울산", "28": "경기북부",
}

# The 시·도경찰청장 who signs a licence from that region.
ISSUERS: dict[str, str] = {
    "서울": "서울특별시경찰청장", "부산": "부산광역시경찰청장", "경기": "경기도남부경찰청장",
    "강원": "강원특별자치도경찰청장", "충북": "충청북도경찰청장", "충남": "충청남도경찰청장",
    "전북": "전북특별자치도경찰청장", "전남": "전라남도경찰청장", "경북": "경상북도경찰청장",
    "경남": "경상남도경찰청장", "제주": "제주특별자치도경찰청장", "대구": "대구광역시경찰청장",
    "인천": "인천광역시경찰청장", "광주": "광주광역시경찰청장", "대전": "대전광역시경찰청장",
    "울산": "울산광역시경찰청장", "경기북부": "경기도북부경찰청장",
}

NUMBER_PATTERN = re.compile(r"^(\d{2})-(\d{2})-(\d{6})-(\d)(\d)$")


def check_digit(first_ten: str) -> str:
    """Stand-in for the unpublished real rule: weights 1,3 alternating, then the 10's complement mod 10."""
    if len(first_ten) != 10 or not first_ten.isdigit():
        raise ValueError("the licence check digit is computed over exactly 10 digits")
    total = sum(int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(first_ten))
    return str((10 - total % 10) % 10)


def format_number(region: str, year: int, serial: int, reissues: int = 0) -> str:
    """'11-15-123456-70': region code, year of first licence, serial, check digit, reissue count."""
    if region not in LICENCE_REGIONS:
        raise ValueError(f"unknown licence region code {region!r}")
    if not 0 <= serial <= 999_999 or not 0 <= reissues <= 9:
        raise ValueError("the serial has six digits and the reissue count one")
    first_ten = f"{region}{year % 100:02d}{serial:06d}"
    return f"{region}-{year % 100:02d}-{serial:06d}-{check_digit(first_ten)}{reissues}"


def is_valid_number(number: str) -> bool:
    match = NUMBER_PATTERN.match(number)
    if match is None or match.group(1) not in LICENCE_REGIONS:
        return False
    return match.group(4) == check_digit("".join(match.group(1, 2, 3)))
