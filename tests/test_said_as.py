"""A command names the next one as the volunteer can type it: `make …` in this
repository (its Makefile sets MEGAPHONE_MAKE=1), the command itself on a site
that added the plugin and has no such Makefile."""

from __future__ import annotations

import subprocess

from pelican.plugins.megaphone.commands.said_as import command
from settings_under_test import ROOT


def test_under_the_makefile_it_is_make(monkeypatch):
    monkeypatch.setenv("MEGAPHONE_MAKE", "1")
    assert command("devserver", "PORT=8001", "--port 8001") == "make devserver PORT=8001"


def test_elsewhere_it_is_the_command_a_site_owner_runs(monkeypatch):
    monkeypatch.delenv("MEGAPHONE_MAKE", raising=False)
    said = command("devserver", "PORT=8001", "--port 8001")
    assert said == (
        "python -m pelican.plugins.megaphone.commands devserver content -o output "
        "-s pelicanconf.py --port 8001"
    )
    assert "make" not in command("publish").split()


def test_the_makefile_says_it_runs_the_commands():
    dry = subprocess.run(
        ["make", "-n", "--no-print-directory", "check"], cwd=ROOT, capture_output=True, text=True
    )
    assert "MEGAPHONE_MAKE=1" in dry.stdout and "megaphone.commands check" in dry.stdout
