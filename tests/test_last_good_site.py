"""A failed or killed build leaves the last good site exactly as it was."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers import build_as_make_does, campaign_md, write_site
from settings_under_test import CONF, ROOT


def snapshot(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_build_with_problems_leaves_the_last_good_site(tmp_path):
    content = write_site(tmp_path, {"park.md": campaign_md(slug="park", title="Good")})
    output = tmp_path / "output"
    assert build_as_make_does(content, output, "2021-01-01")[0] == 0
    before = snapshot(output)
    assert "park/index.html" in before and "feeds/campaigns.atom.xml" in before
    (content / "campaigns" / "park.md").write_text(campaign_md(slug="park", to="nobody"), "utf-8")
    (content / "campaigns" / "new.md").write_text(campaign_md(slug="new"), "utf-8")
    status, printed = build_as_make_does(content, output, "2021-01-01")
    assert status == 1 and "[address-invalid]" in printed
    assert snapshot(output) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output")] == []


# A plugin that stops the build for good once it has written its first file, so
# the test can kill it mid-write without racing a clock.
_PAUSE_PLUGIN = """
import os, pathlib, time
from pelican import signals

def _pause(path, context):
    pathlib.Path(os.environ["MEGAPHONE_TEST_PAUSED"]).write_text(str(path))
    time.sleep(600)

def register():
    signals.content_written.connect(_pause)
"""


def _settings_that_pause(folder):
    (folder / "pause_after_first_write.py").write_text(_PAUSE_PLUGIN, "utf-8")
    settings = folder / "pausing.py"
    settings.write_text(
        f"exec(open({str(CONF)!r}, encoding='utf-8').read())\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(folder)!r}]\n"
        "PLUGINS = PLUGINS + ['pause_after_first_write']\n",
        "utf-8",
    )
    return settings


def test_a_killed_build_leaves_the_last_good_site(tmp_path):
    files = {f"c{i}.md": campaign_md(slug=f"c{i}", title=f"Campaign {i}") for i in range(3)}
    content = write_site(tmp_path, files)
    output = tmp_path / "output"
    assert build_as_make_does(content, output, "2021-01-01")[0] == 0
    before = snapshot(output)
    for path in (content / "campaigns").iterdir():
        path.write_text(path.read_text("utf-8").replace("Campaign", "Changed"), "utf-8")
    plugin_folder = tmp_path / "plugin"
    plugin_folder.mkdir()
    paused = tmp_path / "paused"
    command = [
        sys.executable,
        "-m",
        "pelican.plugins.megaphone.commands",
        "build",
        str(content),
        "-o",
        str(output),
        "-s",
        str(_settings_that_pause(plugin_folder)),
    ]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT / ".plugin"),
            "CAMPAIGN_TODAY": "2021-01-01",
            "MEGAPHONE_TEST_PAUSED": str(paused),
        },
    )
    # Kill it once it has written part of the new site into its own folder.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None and not paused.exists():
        time.sleep(0.01)
    try:
        assert paused.exists(), "the build ended before writing anything"
        assert ".output.partial-" in paused.read_text(), "the build wrote outside its own folder"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert snapshot(output) == before
    # The next build clears what the killed one left, and succeeds.
    assert build_as_make_does(content, output, "2021-01-01")[0] == 0
    assert "Changed 2" in (output / "c2" / "index.html").read_text("utf-8")
    assert_no_leftovers(tmp_path)


def assert_no_leftovers(folder, wait: float = 20.0) -> None:
    """The replaced site is removed by a process of its own (swap.remove_in_background):
    it is gone soon after the command, not at once."""
    deadline = time.monotonic() + wait
    while True:
        left = [p.name for p in folder.iterdir() if p.name.startswith(".output")]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert left == []


def test_the_replaced_site_is_removed_by_a_process_of_its_own(tmp_path, monkeypatch):
    """`make html` does not wait for thousands of old files to be deleted: it starts a
    process that deletes them, in a session of its own, and returns."""
    from pelican.plugins.megaphone.commands import swap

    started = []
    monkeypatch.setattr(swap.subprocess, "Popen", lambda args, **kw: started.append((args, kw)))
    output, building = tmp_path / "output", tmp_path / "new"
    (output / "old-page").mkdir(parents=True)
    (building / "page").mkdir(parents=True)
    swap.put_in_place(building, output)
    assert (output / "page").is_dir() and not building.exists()
    ((args, options),) = started
    old = Path(args[-1])
    assert (old / "old-page").is_dir()  # still there: the process removes it
    assert old.parent == tmp_path and old.name.startswith(".output.partial-old-")
    assert options["start_new_session"] is True


def test_files_that_did_not_change_keep_their_time(tmp_path):
    """Issue 13, part 1: after a rebuild, only files whose bytes changed look new."""
    content = write_site(
        tmp_path,
        {
            "park.md": campaign_md(slug="park", title="Park"),
            "pool.md": campaign_md(slug="pool", title="Pool"),
        },
    )
    output = tmp_path / "output"
    assert build_as_make_does(content, output, "2021-01-01")[0] == 0
    long_ago = 1_000_000_000_000_000_000  # 2001, in nanoseconds
    for path in output.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(long_ago, long_ago))
    pool = (output / "pool" / "index.html").read_bytes()
    park = (output / "park" / "index.html").read_bytes()
    (content / "campaigns" / "park.md").write_text(
        campaign_md(slug="park", title="Park", letter="Dear Council,\n\nOpen it.\n\n[Your name]"),
        "utf-8",
    )
    assert build_as_make_does(content, output, "2021-01-01")[0] == 0
    # Built again, the same bytes: the time of the first build.
    assert (output / "pool" / "index.html").read_bytes() == pool
    assert (output / "pool" / "index.html").stat().st_mtime_ns == long_ago
    assert (output / "pool" / "remind.ics").stat().st_mtime_ns == long_ago
    # The edited campaign's page is new, and looks it.
    assert (output / "park" / "index.html").read_bytes() != park
    assert (output / "park" / "index.html").stat().st_mtime_ns > long_ago


def test_what_the_site_keeps_in_its_output_folder_stays(tmp_path):
    """Pelican's OUTPUT_RETENTION (a site owner's CNAME, a .git of the published site):
    `build` puts the new site in place and moves these into it."""
    from pelican.plugins.megaphone.commands.build import build_site
    from settings_under_test import CONF

    content = write_site(tmp_path, {"park.md": campaign_md(slug="park")})
    output = tmp_path / "output"
    assert build_site(str(CONF), str(content), str(output), MEGAPHONE_TODAY="2021-01-01").ok
    (output / "CNAME").write_text("campaigns.example.org\n", "utf-8")
    (output / ".git").mkdir()
    (output / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", "utf-8")
    (output / "stale.txt").write_text("not kept\n", "utf-8")
    outcome = build_site(
        str(CONF),
        str(content),
        str(output),
        MEGAPHONE_TODAY="2021-01-01",
        OUTPUT_RETENTION=[".git", "CNAME"],
    )
    assert outcome.ok, outcome.failure
    assert (output / "CNAME").read_text("utf-8") == "campaigns.example.org\n"
    assert (output / ".git" / "HEAD").read_text("utf-8") == "ref: refs/heads/gh-pages\n"
    assert not (output / "stale.txt").exists()  # the rest is the new site, nothing stale
    assert (output / "park" / "index.html").exists()
