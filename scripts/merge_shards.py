"""Shards into one run: `--record` ends a shard (run_features.sh); otherwise merge shard folders for `make report`.

    merge_shards.py [SHARD_FOLDER ...]   every reports/shards/shard-i-of-N/ when none is named
    merge_shards.py --mark-retries DIR   mark scenarios that passed only on a retry as flaky (build_report.sh);
                                         with --strict, exit 1 if there are any (RERUN_POLICY=strict)

Exit code of a merge: 0 when every shard of the run arrived and passed, 1 when one is missing or failed or a
scenario ran in two shards, 2 when there is nothing to merge. The report is built in every case.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file, the project's packages still import

from reporting.retried_scenarios import mark_flaky  # noqa: E402
from reporting.shard_results import MergeError, find_shards, merge, merge_side_files, record, twice_run  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="shard folders (default: reports/shards/shard-*)")
    parser.add_argument("--into", type=Path, default=ROOT / "reports" / "allure-results",
                        help="the merged results folder the report is built from")
    parser.add_argument("--record", type=Path, help="write shard.json into this shard folder and stop")
    parser.add_argument("--shard", help="with --record: i/N")
    parser.add_argument("--exit-code", type=int, default=0, help="with --record: pytest's exit code")
    parser.add_argument("--mark-retries", type=Path, help="mark retried scenarios in this results folder and stop")
    parser.add_argument("--strict", action="store_true",
                        help="with --mark-retries: exit 1 when a scenario passed only on a retry (RERUN_POLICY=strict)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.record is not None:
        status = record(args.record, args.shard, args.exit_code)
        print(f"shards: {status.described()}", file=sys.stderr)
        return 0
    if args.mark_retries is not None:
        retried = mark_flaky(args.mark_retries)
        for entry in retried:
            print(f"retries: {entry.name}: {entry.attempts} attempts, last {entry.final_status}", file=sys.stderr)
        flaky = [entry for entry in retried if entry.final_status == "passed"]
        if flaky and args.strict:
            print(f"retries: {len(flaky)} scenario(s) passed only on a retry; RERUN_POLICY=strict fails the run",
                  file=sys.stderr)
            return 1
        return 0
    folders = args.folders or sorted((ROOT / "reports" / "shards").glob("shard-*-of-*"))
    try:
        shards = find_shards([folder.resolve() for folder in folders])
    except MergeError as error:
        print(f"shards: {error}", file=sys.stderr)
        return 2
    merge(shards, args.into)
    merge_side_files(shards, args.into.parent)
    for status in shards:
        print(f"shards: {status.described()}", file=sys.stderr)
    doubled = twice_run(shards)
    for scenario in doubled:
        print(f"shards: ran in two shards: {scenario}", file=sys.stderr)
    total = sum(len(status.scenarios) for status in shards)
    print(f"shards: {len(shards)} shard(s), {total} scenario(s) merged into {args.into}", file=sys.stderr)
    return 1 if doubled or any(status.missing or status.failed for status in shards) else 0


if __name__ == "__main__":
    sys.exit(main())
