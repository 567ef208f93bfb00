"""Page weight of the example campaign page, open state.

    python bench/page_weight.py            (or: make bench-weight)

Builds the example with CAMPAIGN_TODAY=2021-02-22 into a temporary folder and
prints the bytes of the page and of everything it loads, raw and gzipped, and
the number of requests. tests/test_page_budget.py holds the same figures to
the budget: sizes are deterministic, so they can be tested; times cannot."""

from __future__ import annotations

import gzip
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIRST_ROUND_TRIP = 14600  # bytes in TCP's initial congestion window (10 segments)
PAGE_BUDGET = 20 * 1024  # HTML + CSS + JS, gzipped
MAX_REQUESTS = 4


@dataclass
class Resource:
    url: str
    kind: str
    raw: int
    gzipped: int
    blocking: bool = False


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def measure(output: Path, page: str) -> list[Resource]:
    """The page and every same-site HTML/CSS/JS/font resource it makes the browser fetch."""
    html = (output / page).read_bytes()
    resources = [Resource(page, "html", len(html), gzipped(html))]
    soup = BeautifulSoup(html, "html.parser")
    wanted = [
        (tag["src"], "js", not (tag.has_attr("defer") or tag.has_attr("async")))
        for tag in soup.find_all("script", src=True)
    ]
    wanted += [
        (tag["href"], "css", True)
        for tag in soup.find_all("link", href=True)
        if "stylesheet" in tag.get("rel", [])
    ]
    wanted += [
        (tag["href"], "font", False)
        for tag in soup.find_all("link", href=True)
        if "preload" in tag.get("rel", []) and tag.get("as") == "font"
    ]
    for url, kind, blocking in wanted:
        path = output / urlsplit(url).path.lstrip("/")
        data = path.read_bytes()
        resources.append(Resource(url, kind, len(data), gzipped(data), blocking))
    return resources


def build_example(target: Path) -> Path:
    sys.path[:0] = [str(ROOT / ".plugin"), str(ROOT / "tests")]
    from helpers import EXAMPLE_CONTENT, build  # the same in-process build the tests use

    content = target / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    return build(content, target / "output", "2021-02-22")


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        output = build_example(Path(scratch))
        resources = measure(output, "ban-the-scan-nypd/index.html")
    print(f"{'resource':<44} {'kind':<5} {'raw':>8} {'gzip':>8}  render-blocking")
    for r in resources:
        print(f"{r.url:<44} {r.kind:<5} {r.raw:>8} {r.gzipped:>8}  {'yes' if r.blocking else 'no'}")
    total = sum(r.gzipped for r in resources)
    html = resources[0].gzipped
    print(
        f"\nHTML, gzipped: {html} bytes ({html / FIRST_ROUND_TRIP:.0%} of the first round trip, "
        f"{FIRST_ROUND_TRIP} bytes)"
    )
    print(
        f"Whole page, gzipped: {total} bytes ({total / PAGE_BUDGET:.0%} of the {PAGE_BUDGET}-byte "
        f"budget) in {len(resources)} requests (budget {MAX_REQUESTS}), images excluded"
    )
    print(f"Render-blocking requests: {sum(r.blocking for r in resources)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
