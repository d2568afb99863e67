"""Shards of one run put back together: which ran, which are missing or failed, and one results folder of them all.

Each shard (scripts/run_features.sh with SHARD=i/N) leaves `shard-i-of-N/` with its Allure results, JUnit XML,
log and `shard.json`. The merge links every shard's result files into one folder, so that the report, the guide
coverage and the personal-data scan each read the whole run once and Allure adds one line of history, not one per
shard. A shard that is missing, or ended without results, becomes a broken entry in the report, never a gap.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

STATUS_FILE = "shard.json"
SHARD_FOLDER = re.compile(r"shard-(\d+)-of-(\d+)$")
# Written once by the merge, from the first shard: each shard writes its own, and Allure would keep any one.
PER_RUN_FILES = ("environment.properties", "categories.json")
STATUS_ATTACHMENT = "shard-status-attachment.md"
STATUS_GLOBALS = "shard-status-globals.json"


class MergeError(Exception):
    """Shard folders that cannot be merged (none found, or shards of different splits), with what to do."""


@dataclass(frozen=True)
class ShardStatus:
    group: int
    splits: int
    folder: Path
    exit_code: int | None  # None: the shard's folder or its shard.json is missing
    scenarios: tuple[str, ...] = ()
    faker_seed: str | None = None

    @property
    def name(self) -> str:
        return f"{self.group}/{self.splits}"

    @property
    def missing(self) -> bool:
        return self.exit_code is None

    @property
    def failed(self) -> bool:
        return self.exit_code not in (None, 0)

    def described(self) -> str:
        if self.missing:
            return f"샤드 {self.name}: 결과 없음 (실행되지 않았거나 결과를 올리지 못했습니다)"
        outcome = "통과" if self.exit_code == 0 else f"실패 (종료 코드 {self.exit_code})"
        return f"샤드 {self.name}: 시나리오 {len(self.scenarios)}개, {outcome}"


def junit_scenarios(junit: Path) -> tuple[str, ...]:
    """Scenario ids (classname::name) from a JUnit XML file; nothing when it is absent or unreadable."""
    try:
        root = ET.parse(junit).getroot()
    except (OSError, ET.ParseError):
        return ()
    return tuple(f"{case.get('classname')}::{case.get('name')}" for case in root.iter("testcase"))


def _seed_of(results: Path) -> str | None:
    """The Faker seed the shard's environment panel names (fixtures/report_environment.py writes it)."""
    try:
        lines = (results / "environment.properties").read_text("utf-8").splitlines()
    except OSError:
        return None
    values = [line.partition("=")[2].split(" ")[0] for line in lines if line.startswith("Faker\\ seed=")]
    return values[0] if values else None


def record(folder: Path, shard: str, exit_code: int) -> ShardStatus:
    """Written by a shard when pytest ends: its place among the shards, its exit code, scenarios and seed."""
    group, splits = (int(part) for part in shard.split("/"))
    status = ShardStatus(group, splits, folder, exit_code, junit_scenarios(folder / "junit.xml"),
                         _seed_of(folder / "allure-results"))
    payload = {"shard": status.name, "group": group, "splits": splits, "exit_code": exit_code,
               "scenarios": list(status.scenarios), "faker_seed": status.faker_seed, "finished_at": int(time.time())}
    (folder / STATUS_FILE).write_text(json.dumps(payload, ensure_ascii=False, indent=1), "utf-8")
    return status


def read_status(folder: Path, group: int, splits: int) -> ShardStatus:
    try:
        payload = json.loads((folder / STATUS_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return ShardStatus(group, splits, folder, None)
    return ShardStatus(group, splits, folder, int(payload["exit_code"]), tuple(payload.get("scenarios", ())),
                       payload.get("faker_seed"))


def find_shards(folders: list[Path]) -> list[ShardStatus]:
    """Every shard of the run, in order, the missing ones included: N is read from the folder names."""
    found: dict[int, Path] = {}
    splits: set[int] = set()
    for folder in folders:
        match = SHARD_FOLDER.search(folder.name)
        if match is None:
            raise MergeError(f"{folder} is not a shard folder (shard-i-of-N, written by make e2e SHARD=i/N)")
        found[int(match[1])] = folder
        splits.add(int(match[2]))
    if not found:
        raise MergeError("no shard folders found: run make e2e SHARD=i/N first, or name the folders")
    if len(splits) != 1:
        raise MergeError(f"shards of different splits ({sorted(splits)}): merge the shards of one run only")
    (total,) = splits
    parent = next(iter(found.values())).parent
    return [read_status(found.get(group, parent / f"shard-{group}-of-{total}"), group, total)
            for group in range(1, total + 1)]


def _link(source: Path, target: Path) -> None:
    """A hard link when the folders share a disk (results can be hundreds of MB), a copy otherwise."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _placeholder(status: ShardStatus, now_ms: int) -> dict[str, object]:
    """A broken entry that names the shard, so that the report's counts and tree show what did not arrive."""
    name = f"샤드 {status.name}의 결과가 없습니다"
    history = hashlib.md5(name.encode()).hexdigest()  # an id, not a secret
    message = (status.described() + ". 이 샤드의 시나리오는 이 보고서에 없습니다: 파이프라인에서 그 샤드의 작업과 "
               "결과 올리기를 확인해 주세요.")
    return {"uuid": str(uuid.uuid4()), "historyId": history, "testCaseId": history, "name": name,
            "fullName": f"shards::{status.name}", "status": "broken", "stage": "finished",
            "statusDetails": {"message": message}, "start": now_ms, "stop": now_ms,
            "labels": [{"name": "suite", "value": "샤드"}, {"name": "feature", "value": "샤드 실행"}]}


def _environment(shards: list[ShardStatus], first: Path | None) -> str:
    """The first shard's panel, the shards added; shards with different seeds say so instead of naming one."""
    lines = first.read_text("utf-8").splitlines() if first is not None else []
    seeds = {status.faker_seed for status in shards if status.faker_seed is not None}
    if len(seeds) > 1:
        each = ", ".join(f"{status.name}={status.faker_seed}" for status in shards if status.faker_seed)
        lines = [line for line in lines if not line.startswith("Faker\\ seed=")]
        lines.append(f"Faker\\ seed=샤드마다 다름 ({each}); SEED=n 으로 모든 샤드에 같은 값을 주세요")
    summary = "; ".join(status.described().removeprefix("샤드 ") for status in shards)
    return "\n".join([*lines, f"Shards={summary}"]) + "\n"


def _status_markdown(shards: list[ShardStatus]) -> str:
    lines = ["# 샤드 실행 상태", "", f"샤드 {len(shards)}개 중 결과가 있는 샤드 "
             f"{sum(not status.missing for status in shards)}개.", ""]
    lines += [f"- {status.described()}" for status in shards]
    return "\n".join(lines) + "\n"


def merge(shards: list[ShardStatus], into: Path) -> None:
    """One results folder for the whole run; `into` is emptied first (it is the report's input, not a store)."""
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    arrived = [status.folder / "allure-results" for status in shards if (status.folder / "allure-results").is_dir()]
    for results in arrived:
        for source in results.iterdir():
            if source.name not in PER_RUN_FILES:
                _link(source, into / source.name)
    now_ms = int(time.time() * 1000)
    for status in shards:
        if status.folder / "allure-results" not in arrived:
            (into / f"{uuid.uuid4()}-result.json").write_text(
                json.dumps(_placeholder(status, now_ms), ensure_ascii=False), "utf-8")
    first = arrived[0] if arrived else None
    if first is not None and (first / "categories.json").exists():
        _link(first / "categories.json", into / "categories.json")
    environment = first / "environment.properties" if first is not None else None
    (into / "environment.properties").write_text(
        _environment(shards, environment if environment is not None and environment.exists() else None), "utf-8")
    (into / STATUS_ATTACHMENT).write_text(_status_markdown(shards), "utf-8")
    globals_file = {"attachments": [{"name": "샤드 실행 상태", "source": STATUS_ATTACHMENT, "type": "text/markdown",
                                     "timestamp": now_ms}], "errors": []}
    (into / STATUS_GLOBALS).write_text(json.dumps(globals_file, ensure_ascii=False), "utf-8")


def merge_side_files(shards: list[ShardStatus], reports: Path) -> None:
    """The JUnit XML files side by side, and the screen checks' records under one folder for `make a11y`."""
    a11y = reports / "a11y"
    shutil.rmtree(a11y, ignore_errors=True)
    for status in shards:
        for record_file in sorted((status.folder / "a11y").glob("*.jsonl")):
            a11y.mkdir(parents=True, exist_ok=True)
            _link(record_file, a11y / f"shard-{status.group}-{record_file.name}")


def twice_run(shards: list[ShardStatus]) -> list[str]:
    """Scenarios that more than one shard ran: a wrong durations file or split cannot double-count silently."""
    seen: dict[str, str] = {}
    doubled = []
    for status in shards:
        for scenario in status.scenarios:
            if scenario in seen:
                doubled.append(f"{scenario} (샤드 {seen[scenario]}, {status.name})")
            seen.setdefault(scenario, status.name)
    return doubled
