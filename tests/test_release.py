"""The project's licence and version, as a release carries them."""

import re
import tomllib

from settings_under_test import ROOT


def test_the_licence_is_the_agpl_as_pelicans():
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.lstrip().startswith("GNU AFFERO GENERAL PUBLIC LICENSE")
    assert "Version 3, 19 November 2007" in text


def test_the_changelog_starts_with_the_version_of_pyproject():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert re.findall(r"^## (\S+)", changelog, re.M)[0] == version
