"""Classes of bad input a customer can type into a field, each named as the feature files name it."""

from __future__ import annotations

# Values stay within the fields' maxlength, so the bank sees exactly what was typed.
BAD_INPUTS: dict[str, str] = {
    "빈 값": "",
    "공백만": "   ",
    "HTML 마크업": "<b>x</b>",
    "SQL 특수문자": "' OR '1'='1",
    "다른 나라 글자": "山田",
    "로마자": "John",
    "이모지": "😀😀",
    "전각 숫자": "１２３４",
}


def bad_input(kind: str) -> str:
    if kind not in BAD_INPUTS:
        raise KeyError(f"no bad-input class {kind!r}; known: {', '.join(BAD_INPUTS)}")
    return BAD_INPUTS[kind]
