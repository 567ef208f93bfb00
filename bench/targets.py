"""Target lists at scale: build time, campaign page size and what a visitor downloads.

Two campaigns, each built on its own with `make html`'s command:

- `ny-assembly`: the real 150-member New York State Assembly list
  (tests/fixtures/targets/ny-assembly.csv), no postcode map;
- `us-house`: the national postcode map (../shared/data/us-congress-postcodes.csv,
  42,033 rows) with one generated example.org target per district (437 areas).

Each is compared with the same campaign without `Targets` (a plain `To`), in
the same run, alternating, medians of 3. Then sizes: the campaign page raw and
gzipped, data.json, the number of shards and the largest one (what one visitor
downloads for one postcode: data.json plus one shard).

    .venv/bin/python bench/targets.py
"""

from __future__ import annotations

import csv
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT.parent / "shared" / "data" / "us-congress-postcodes.csv"
LETTER = (
    "Dear [Target title] [Target name],\n\nAs a constituent in [Area], I ask you to "
    "support the bill.\n\nSincerely,\n[Your name]"
)


def campaign(targets: str | None) -> str:
    head = [
        "Title: Write to your representative",
        "Slug: write",
        "Date: 2026-01-01",
        "Summary: Write to your representative.",
        f"Targets: {targets}" if targets else "To: clerk@example.org",
        "Subject: Please support the bill, [Target name]",
        "Deadline: 2027-06-30",
    ]
    return "\n".join(head) + "\n\nWhy.\n\n```letter\n" + LETTER + "\n```\n"


def national_list(folder: Path) -> None:
    areas = []
    with open(NATIONAL, encoding="utf-8", newline="") as source:
        for row in csv.DictReader(source):
            if row["area"] not in areas:
                areas.append(row["area"])
    with open(folder / "us-house.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["area", "name", "title", "email"])
        for area in sorted(areas):
            slug = area.lower()
            writer.writerow([area, f"Member for {area}", "Representative", f"{slug}@example.org"])
    shutil.copy(NATIONAL, folder / "us-house.postcodes.csv")


def site(root: Path, targets: str | None) -> Path:
    content = root / "content"
    (content / "campaigns").mkdir(parents=True)
    (content / "targets").mkdir()
    if targets == "ny-assembly":
        shutil.copy(ROOT / "tests/fixtures/targets/ny-assembly.csv", content / "targets")
    elif targets == "us-house":
        national_list(content / "targets")
    (content / "campaigns" / "write.md").write_text(campaign(targets), "utf-8")
    return content


def build(content: Path, out: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / ".plugin"), "CAMPAIGN_TODAY": "2026-11-27"}
    command = [
        sys.executable,
        "-m",
        "pelican.plugins.megaphone.commands",
        "build",
        str(content),
        "-o",
        str(out),
    ]
    command += ["-s", str(ROOT / "pelicanconf.py")]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def sizes(out: Path) -> dict:
    page = (out / "write" / "index.html").read_bytes()
    data = out / "write" / "targets"
    shards = [p for p in data.rglob("*.json") if p.name != "data.json"] if data.exists() else []
    largest = max(shards, key=lambda p: len(gzip.compress(p.read_bytes(), 9)), default=None)
    main = (data / "data.json").read_bytes() if data.exists() else b""
    pages = len(list((out / "write" / "to").iterdir())) if (out / "write" / "to").exists() else 0
    return {
        "target pages": pages,
        "page raw": len(page),
        "page gzip": len(gzip.compress(page, 9)),
        "data.json raw": len(main),
        "data.json gzip": len(gzip.compress(main, 9)) if main else 0,
        "shards": len(shards),
        "largest shard raw": largest.stat().st_size if largest else 0,
        "largest shard gzip": len(gzip.compress(largest.read_bytes(), 9)) if largest else 0,
    }


def main() -> None:
    for name in ("ny-assembly", "us-house"):
        if name == "us-house" and not NATIONAL.exists():
            print(f"skipped {name}: {NATIONAL} is missing")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            contents = {"targets": site(root / "t", name), "plain": site(root / "p", None)}
            times: dict[str, list[float]] = {"targets": [], "plain": []}
            for run in range(3):
                for kind, content in contents.items():
                    times[kind].append(build(content, root / f"out-{kind}-{run}"))
            median = {kind: statistics.median(t) for kind, t in times.items()}
            print(f"## {name}")
            print(
                f"build: {median['targets']:.2f} s with Targets, {median['plain']:.2f} s with a "
                f"plain To (x{median['targets'] / median['plain']:.2f})"
            )
            for key, value in sizes(root / "out-targets-0").items():
                print(f"{key}: {value:,}")
            print()


if __name__ == "__main__":
    main()
