"""The guide's items (features/guide_items.toml): each ID with its section, Allure epic and short description."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CATALOG = Path(__file__).resolve().parents[1] / "features" / "guide_items.toml"


class CatalogError(Exception):
    """The catalog file is missing or malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Advice:
    """The guide's way out of a failure: its column title (주의점, 회피 팁) and what it says."""

    title: str
    says: str


@dataclass(frozen=True)
class GuideItem:
    id: str
    section: str
    epic: str
    says: str
    advice: Advice | None = None  # only the guide's tables of failure causes (FAIL, USE) give advice

    @property
    def failure_cause(self) -> str | None:
        """How the report names a failure classified under this item: the cause with the guide's advice."""
        if self.advice is None:
            return None
        return f"{self.story} — {self.advice.title}: {self.advice.says}"

    @property
    def story(self) -> str:
        """The Allure story: the ID first, so the report's story list sorts and reads by ID."""
        return f"{self.id} {self.says}"


class GuideCatalog(Mapping[str, GuideItem]):
    """Items by ID, in the guide's order."""

    def __init__(self, items: list[GuideItem]) -> None:
        self._items = {item.id: item for item in items}
        self._positions = {item_id: position for position, item_id in enumerate(self._items, start=1)}
        if len(self._items) != len(items):
            raise CatalogError("an item ID appears twice in the catalog")

    def __getitem__(self, item_id: str) -> GuideItem:
        return self._items[item_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def in_guide_order(self, item_ids: Iterable[str]) -> list[str]:
        """The IDs as the guide lists them; IDs not in the catalog come last."""
        return sorted(item_ids, key=lambda item_id: self._positions.get(item_id, len(self._positions) + 1))

    def tree_group(self, item_id: str) -> str:
        """The item's group in the report's requirements tree: '01 기본 요건 › REQ-1 본인 명의의 휴대폰 …'.

        The report sorts groups by name with a plain string compare, so the guide's position comes first,
        zero-padded: without it CHECK-10 would sort before CHECK-2 and 실패 조건 before 절차 요약.
        """
        item = self._items[item_id]
        return f"{self._positions[item_id]:02d} {item.epic} › {item.story}"

    @property
    def sections(self) -> list[str]:
        return list(dict.fromkeys(item.section for item in self._items.values()))


def load_catalog(path: Path = DEFAULT_CATALOG) -> GuideCatalog:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise CatalogError(f"cannot read the guide catalog {path}: {error}") from error
    items: list[GuideItem] = []
    for section, body in data.items():
        epic, entries = body.get("epic"), body.get("items")
        if not isinstance(epic, str) or not isinstance(entries, dict):
            raise CatalogError(f"{path}: section [{section}] needs `epic = \"...\"` and an [{section}.items] table")
        advice = _advice(path, section, body.get("advice"), entries)
        for item_id, says in entries.items():
            if not item_id.startswith(f"{section}-") or not isinstance(says, str):
                raise CatalogError(f"{path}: {item_id!r} must start with '{section}-' and have a text description")
            items.append(GuideItem(item_id, section, epic, says, advice.get(item_id)))
    return GuideCatalog(items)


def _advice(path: Path, section: str, table: object, entries: dict[str, object]) -> dict[str, Advice]:
    """[SECTION.advice]: `title` (the guide's column name) and one line per item of the section."""
    if table is None:
        return {}
    if not isinstance(table, dict) or not isinstance(table.get("title"), str):
        raise CatalogError(f"{path}: [{section}.advice] needs `title = \"...\"` and one text per item")
    title = table["title"]
    advice: dict[str, Advice] = {}
    for item_id, says in table.items():
        if item_id == "title":
            continue
        if item_id not in entries or not isinstance(says, str):
            raise CatalogError(f"{path}: [{section}.advice] names {item_id!r}, which is not an item of [{section}]")
        advice[item_id] = Advice(title, says)
    return advice
