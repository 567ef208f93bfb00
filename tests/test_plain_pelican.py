"""`pelican` run directly, not through the volunteer commands: a campaign mistake is
said in plain words, with no traceback, and `pelican -r` goes on watching after it."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from helpers import campaign_md, write_site
from settings_under_test import CONF, ROOT


def pelican_env() -> dict[str, str]:
    # COLUMNS: Pelican's console wraps a long line at the terminal's width (80 in a pipe).
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT / ".plugin"),
        "CAMPAIGN_TODAY": "",
        "COLUMNS": "1000",
    }


def wait_for(predicate, seconds=120.0) -> bool:
    """Generous: the suite runs on two busy cores."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def save_until(path, text: str, predicate, seconds=120.0) -> bool:
    """Save the file, and again every few seconds until `predicate`: Pelican starts
    watching only once a build is over, and misses a save made before that."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        path.write_text(text, "utf-8")
        if wait_for(predicate, seconds=3):
            return True
    return False


def read(path) -> str:
    try:
        return path.read_text("utf-8")
    except OSError:
        return ""


def test_plain_pelican_says_the_problem_with_no_traceback_and_fails(tmp_path):
    content = write_site(tmp_path, {"park.md": campaign_md(slug="park", to="not-an-address")})
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(CONF)]
        + ["-o", str(tmp_path / "out")],
        cwd=tmp_path,
        env=pelican_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "[address-invalid] To: 'not-an-address' is not an email address" in said, said
    assert "The site was not built: 1 problem in 1 file." in said, said
    assert "Traceback" not in said and "CampaignProblems" not in said, said
    assert not (tmp_path / "out" / "park" / "index.html").exists()


def test_a_bad_setting_names_the_settings_file_pelican_was_given(tmp_path):
    content = write_site(tmp_path, {"park.md": campaign_md(slug="park")})
    conf = tmp_path / "publishconf.py"
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"THEME = {str(ROOT / 'theme')!r}\nMEGAPHONE_MAILTO_BUDGET = 'many'\n",
        "utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", "publishconf.py"]
        + ["-o", str(tmp_path / "out")],
        cwd=tmp_path,
        env=pelican_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "publishconf.py: [budget-not-a-number] MEGAPHONE_MAILTO_BUDGET" in said, said
    assert "pelicanconf.py:" not in said, said


def processor_seconds(pid: int, over: float) -> float:
    """The processor time a process (Linux) used in the next `over` seconds."""

    def used() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    before = used()
    time.sleep(over)
    return used() - before


def test_pelican_autoreload_survives_a_campaign_mistake(tmp_path):
    content = write_site(tmp_path, {"park.md": campaign_md(slug="park", title="Good title")})
    campaign = content / "campaigns" / "park.md"
    page = tmp_path / "out" / "park" / "index.html"
    process = subprocess.Popen(
        [sys.executable, "-m", "pelican", str(content), "-r", "-s", str(CONF)]
        + ["-o", str(tmp_path / "out")],
        cwd=tmp_path,
        env=pelican_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, stopped whole below
    )
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True).start()

    def said() -> str:
        return "".join(lines)

    try:
        assert wait_for(lambda: "Good title" in read(page)), said()
        broken = campaign_md(slug="park", title="Broken", to="not-an-address")
        report = "[address-invalid] To: 'not-an-address' is not an email address"
        assert save_until(campaign, broken, lambda: report in said()), said()
        assert "The site was not built: 1 problem in 1 file." in said()
        assert "Traceback" not in said() and "CampaignProblems" not in said(), said()
        assert process.poll() is None, said()  # still watching
        assert "Good title" in read(page)  # nothing of the broken build was written
        # Waiting for the next save, not building again and again (Pelican would).
        assert processor_seconds(process.pid, over=3.0) < 0.5, said()
        fixed = campaign_md(slug="park", title="Fixed title")
        assert save_until(campaign, fixed, lambda: "Fixed title" in read(page)), said()
        assert process.poll() is None, said()
        assert "-> Modified: " in said() and "park.md" in said(), said()
        assert "Traceback" not in said(), said()
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
