"""The guide's items (features/guide_items.toml): each ID with its section, Allure epic and short description."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CATALOG = Path(__file__).resolve().parents[1] / "features" / "guide_items.toml"


class CatalogError(Exception):
    """The catalog file is missing or malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class GuideItem:
    id: str
    section: str
    epic: str
    says: str

    @property
    def story(self) -> str:
        """The Allure story: the ID first, so the report's story list sorts and reads by ID."""
        return f"{self.id} {self.says}"


class GuideCatalog(Mapping[str, GuideItem]):
    """Items by ID, in the guide's order."""

    def __init__(self, items: list[GuideItem]) -> None:
        self._items = {item.id: item for item in items}
        if len(self._items) != len(items):
            raise CatalogError("an item ID appears twice in the catalog")

    def __getitem__(self, item_id: str) -> GuideItem:
        return self._items[item_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

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
        for item_id, says in entries.items():
            if not item_id.startswith(f"{section}-") or not isinstance(says, str):
                raise CatalogError(f"{path}: {item_id!r} must start with '{section}-' and have a text description")
            items.append(GuideItem(item_id, section, epic, says))
    return GuideCatalog(items)
