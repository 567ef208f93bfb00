"""Nothing is installed at import and nothing is shared between two builds in one
process: each build's state lives on its own BuildRun (site/run.py)."""

import json
import logging
import os
import subprocess
import sys

from helpers import build_as_make_does, campaign_md, write_files, write_site
from pelican.plugins.megaphone.site.plain_report import PlainReport
from settings_under_test import ROOT, site_settings

OUR_LOGGERS = ("pelican", "pelican.generators", "pelican.contents", "megaphone.warnings")

IMPORT_EVERYTHING = """
import importlib, json, logging, pkgutil, sys
import blinker
from pelican.plugins import signals

def state():
    sent = [s for s in vars(signals).values() if isinstance(s, blinker.Signal)]
    sent += list(blinker.default_namespace.values())
    loggers = [logging.getLogger()] + [
        l for l in logging.Logger.manager.loggerDict.values() if isinstance(l, logging.Logger)
    ]
    return {
        "receivers": sorted(f"{s.name}:{len(s.receivers)}" for s in sent),
        "handlers": sorted(f"{l.name}:{h!r}" for l in loggers for h in l.handlers),
        # Pelican's LimitFilter is on every logger made since pelican.log (its class)
        "filters": sorted(
            f"{l.name}:{type(f).__name__}"
            for l in loggers
            for f in l.filters
            if type(f).__name__ != "LimitFilter"
        ),
    }

import pelican, pelican.log  # Pelican's own state first: only ours is compared
before = state()
import pelican.plugins.megaphone as plugin
names = [plugin.__name__]
for found in pkgutil.walk_packages(plugin.__path__, plugin.__name__ + "."):
    names.append(found.name)
for name in names:
    importlib.import_module(name)
after = state()
print(json.dumps({"names": names, "before": before, "after": after}))
"""


def test_importing_the_plugin_and_its_commands_installs_nothing(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT / ".plugin")},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(result.stdout)
    assert "pelican.plugins.megaphone.commands.pelican_run" in found["names"]
    assert "pelican.plugins.megaphone.site.hooks" in found["names"]
    assert found["after"] == found["before"]


def loggers_state() -> dict:
    """Each logger's handlers and filters; but PlainReport, which keeps nothing and is
    added once, by the first build's register (site/plain_report.py)."""
    plain = [f for f in logging.getLogger("pelican").filters if isinstance(f, PlainReport)]
    assert len(plain) <= 1
    return {
        name: (
            list(logging.getLogger(name).handlers),
            [f for f in logging.getLogger(name).filters if not isinstance(f, PlainReport)],
        )
        for name in OUR_LOGGERS
    }


def test_two_sites_built_one_after_the_other_share_nothing(tmp_path):
    """Site A stops (a file Pelican cannot read, a bad address); site B, built next in
    the same process, says nothing of A, and A's build leaves no handler behind."""
    site_a = write_files(
        tmp_path / "a",
        {"alpha.md": campaign_md(slug="alpha", title="Alpha", to="not-an-address")},
        {"campaigns/latin1.md": "Title: Caf\xe9\n".encode("latin-1")},
    )
    site_b = write_site(tmp_path / "b", {"beta.md": campaign_md(slug="beta", title="Beta")})
    before = loggers_state()
    status, said = build_as_make_does(site_a, tmp_path / "out-a", "2021-01-01")
    assert status == 1 and "alpha.md" in said and "latin1.md" in said, said
    assert loggers_state() == before  # nothing of A's build stays on Pelican's loggers
    status, said = build_as_make_does(site_b, tmp_path / "out-b", "2021-01-01")
    assert status == 0, said
    assert "alpha" not in said and "latin1" not in said, said
    built = "".join(p.read_text("utf-8") for p in (tmp_path / "out-b").rglob("*.html"))
    assert "Beta" in built and "Alpha" not in built and "alpha" not in built
    assert loggers_state() == before


def test_a_second_run_of_one_pelican_carries_nothing_of_the_first(tmp_path):
    """`pelican -r` runs the same Pelican again after each save: a file it could not
    read the first time, fixed since, is read the second time and the build succeeds."""
    from pelican import Pelican

    from pelican.plugins.megaphone.model.report import CampaignProblems

    content = write_files(
        tmp_path,
        {"park.md": campaign_md(slug="park", title="Good")},
        {"campaigns/latin1.md": "Title: Caf\xe9\n".encode("latin-1")},
    )
    settings = site_settings(
        PATH=str(content), OUTPUT_PATH=str(tmp_path / "out"), MEGAPHONE_TODAY="2021-01-01"
    )
    pelican = Pelican(settings)
    try:
        pelican.run()
    except CampaignProblems as stop:
        assert {p.file.rsplit("/", 1)[-1] for p in stop.problems} == {"latin1.md"}
    else:
        raise AssertionError("the file that is not UTF-8 did not stop the build")
    (content / "campaigns" / "latin1.md").write_text(
        campaign_md(slug="cafe", title="Café"), "utf-8"
    )
    pelican.run()  # no problem left over from the first run
    assert "Café" in (tmp_path / "out" / "cafe" / "index.html").read_text("utf-8")
