"""Write tiny campaign sites and build them, in-process or with `make html`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from pelican import Pelican

from settings_under_test import ROOT, site_settings

DEFAULT_LETTER = "Dear Council,\n\nPlease keep the park open.\n\nThank you,\n[Your name]"


def campaign_md(*, title="Keep the park open", slug=None, to="council@example.org",
                subject="Keep the park open", deadline="2030-01-31", timezone=None,
                date="2021-01-01", summary=None, cc=None, bcc=None,
                letter=DEFAULT_LETTER, letters=None, body="Why this matters.") -> str:
    headers = [("Title", title), ("Slug", slug), ("Date", date), ("Summary", summary),
               ("To", to), ("Cc", cc), ("Bcc", bcc), ("Subject", subject),
               ("Deadline", deadline), ("Timezone", timezone)]
    lines = [f"{key}: {value}" for key, value in headers if value is not None]
    blocks = letters if letters is not None else ([letter] if letter is not None else [])
    parts = ["\n".join(lines), body] + [f"```letter\n{text}\n```" for text in blocks]
    return "\n\n".join(parts) + "\n"


def write_site(root: Path, files: dict[str, str]) -> Path:
    content = root / "content"
    for name, text in files.items():
        path = content / "campaigns" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content


def build(content: Path, output: Path, today: str | None = None, **override) -> Path:
    """Build in-process, the way pelican-plugins' own tests do."""
    settings = site_settings(PATH=str(content), OUTPUT_PATH=str(output),
                             CAMPAIGN_TODAY=today or "", CACHE_CONTENT=False, **override)
    Pelican(settings).run()
    return output


def make(*arguments: str, cwd: Path = ROOT, **env_vars) -> subprocess.CompletedProcess:
    """Run a make target exactly as a volunteer does, in a subprocess."""
    env = {**os.environ, **env_vars}
    return subprocess.run(["make", "--no-print-directory", "-C", str(cwd), *arguments,
                           f"PY={sys.executable}"], env=env, capture_output=True, text=True,
                          timeout=300)


def make_html(content: Path, output: Path, today: str | None = None, conffile=None, **env_vars):
    """`make html` on a given content folder, into a given output folder."""
    extra = [f"CONFFILE={conffile}"] if conffile else []
    return make("html", f"INPUTDIR={content}", f"OUTPUTDIR={output}", *extra,
                CAMPAIGN_TODAY=today or "", **env_vars)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")
