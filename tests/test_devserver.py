"""`make devserver` keeps serving the last good build when content breaks."""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from helpers import campaign_md, write_site
from settings_under_test import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, seconds=30):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_a_mistake_is_reported_and_the_last_good_build_stays_up(tmp_path):
    content = write_site(
        tmp_path,
        {
            "park.md": campaign_md(slug="park", title="Good title"),
            "other.md": campaign_md(slug="other", title="Unchanged"),
        },
    )
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "megaphone.commands",
            "devserver",
            str(content),
            "-o",
            str(tmp_path / "out"),
            "-p",
            str(port),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": "plugins", "CAMPAIGN_TODAY": ""},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True).start()
    page = f"http://127.0.0.1:{port}/park/"
    try:
        assert wait_for(lambda: get(page) and "Good title" in get(page)), "".join(lines)
        (content / "campaigns" / "park.md").write_text(
            campaign_md(slug="park", title="Broken", to="not-an-address"), "utf-8"
        )
        assert wait_for(lambda: "[address-invalid]" in "".join(lines)), "".join(lines)
        assert "Traceback" not in "".join(lines)
        assert process.poll() is None  # still running
        assert "Good title" in get(page)  # the last good build
        (content / "campaigns" / "park.md").write_text(
            campaign_md(slug="park", title="Fixed title"), "utf-8"
        )
        assert wait_for(lambda: "Fixed title" in (get(page) or "")), "".join(lines)
        assert wait_for(lambda: "Rebuilt in " in "".join(lines)), "".join(lines)
        # The unchanged campaign came from Pelican's cache and is still whole.
        other = get(f"http://127.0.0.1:{port}/other/")
        assert "Unchanged" in other and 'data-link="mailto"' in other
    finally:
        process.terminate()
        process.wait(timeout=10)
