"""`make devserver` keeps serving the last good build when content breaks."""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

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
        time.sleep(0.05)
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
            "pelican.plugins.megaphone.commands",
            "devserver",
            str(content),
            "-o",
            str(tmp_path / "out"),
            "-p",
            str(port),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / ".plugin"), "CAMPAIGN_TODAY": ""},
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


def start_with_make(tmp_path, content, port):
    """`make devserver` as a volunteer runs it: make, in its own process group."""
    process = subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            "-C",
            str(ROOT),
            "devserver",
            f"INPUTDIR={content}",
            f"OUTPUTDIR={tmp_path / 'out'}",
            f"PORT={port}",
            f"PY={sys.executable}",
        ],
        env={**os.environ, "CAMPAIGN_TODAY": ""},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines = []
    threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True).start()
    return process, lines


def port_is_free(port) -> bool:
    """Nothing listens on it, and a new server can listen on it (as the devserver
    does, with SO_REUSEADDR: the test's own closed connections may linger in TIME_WAIT)."""
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            s.listen()
        except OSError:
            return False
        return True


def test_one_line_per_rebuild_and_the_open_tab_is_told_to_reload(tmp_path):
    content = write_site(tmp_path, {"park.md": campaign_md(slug="park", title="First")})
    port = free_port()
    process, lines = start_with_make(tmp_path, content, port)
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: get(f"{base}/park/")), "".join(lines)
        page = get(f"{base}/park/")
        # The preview page loads the reload script, and may ask its own site only.
        assert '<script src="/.megaphone/reload.js" defer></script>' in page
        assert "connect-src 'self'" in page
        assert "location.reload()" in get(f"{base}/.megaphone/reload.js")
        first = get(f"{base}/.megaphone/build")
        (content / "campaigns" / "park.md").write_text(
            campaign_md(slug="park", title="Second"), "utf-8"
        )
        assert wait_for(lambda: get(f"{base}/.megaphone/build") != first), "".join(lines)
        assert "Second" in get(f"{base}/park/")
        assert wait_for(lambda: len(re.findall("Rebuilt in", "".join(lines))) == 2)
        said = "".join(lines)
        assert re.search(r"^Rebuilt in \d+\.\d s: 0 problems, \d+ warnings", said, re.M), said
        assert "Writing" not in said and "Done: Processed" not in said and "GET /" not in said
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=10)


def test_make_html_pages_keep_the_site_csp_and_no_reload(tmp_path):
    from helpers import build

    content = write_site(tmp_path, {"park.md": campaign_md(slug="park")})
    out = build(content, tmp_path / "out")
    for page in out.rglob("*.html"):
        text = page.read_text("utf-8")
        assert ".megaphone/" not in text, page
        assert "connect-src 'none'" in text and "connect-src 'self'" not in text, page


@pytest.mark.parametrize(
    "how", ["Ctrl+C (SIGINT to the group)", "SIGTERM to make", "SIGTERM to the group"]
)
def test_it_stops_cleanly_and_frees_the_port(tmp_path, how):
    content = write_site(tmp_path, {"park.md": campaign_md(slug="park")})
    port = free_port()
    process, lines = start_with_make(tmp_path, content, port)
    assert wait_for(lambda: get(f"http://127.0.0.1:{port}/park/")), "".join(lines)
    if how.startswith("Ctrl+C"):
        os.killpg(process.pid, signal.SIGINT)
    elif how == "SIGTERM to make":
        process.send_signal(signal.SIGTERM)
    else:
        os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=15)
    assert wait_for(lambda: port_is_free(port), seconds=10), "".join(lines)
    said = "".join(lines)
    assert "Traceback" not in said and "Stopped." in said, said


def test_every_save_is_rebuilt_however_close_together(tmp_path):
    """An editor's "Save all": saves 0.1 s apart, some while a build runs. The last one
    shows (Pelican's own watcher started anew after each build and missed it)."""
    files = {f"c{i}.md": campaign_md(slug=f"c{i}", title=f"Campaign {i}") for i in range(12)}
    content = write_site(tmp_path, files)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pelican.plugins.megaphone.commands", "devserver", str(content)]
        + ["-o", str(tmp_path / "out"), "-p", str(port)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / ".plugin"), "CAMPAIGN_TODAY": ""},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = f"http://127.0.0.1:{port}/c0/"
        assert wait_for(lambda: "Campaign 0" in (get(page) or ""))
        for round in range(3):
            for i in range(3):
                path = content / "campaigns" / f"c{i}.md"
                path.write_text(campaign_md(slug=f"c{i}", title=f"Saved {round}.{i}"), "utf-8")
                time.sleep(0.1)
        for i in range(3):
            url = f"http://127.0.0.1:{port}/c{i}/"
            assert wait_for(lambda url=url, i=i: f"Saved 2.{i}" in (get(url) or "")), i
        (content / "campaigns" / "c0.md").write_text(campaign_md(slug="c0"), "utf-8")
        time.sleep(0.3)  # stopped in the middle of that build: it still stops
    finally:
        process.terminate()
        process.wait(timeout=10)
