"""The project's own settings, read the way Pelican reads them."""

from pathlib import Path

from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "pelicanconf.py"


def site_settings(**override):
    return read_settings(str(CONF), override=override)


def markdown_settings():
    return site_settings()["MARKDOWN"]
