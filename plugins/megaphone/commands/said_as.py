"""How a message names another command: as the volunteer typed this one.

This repository's Makefile runs the commands with MEGAPHONE_MAKE=1 set, so they
say `make devserver`. A site owner who runs them directly (docs/site-owners.md)
has no such Makefile: there they say the command that works."""

from __future__ import annotations

import os

MODULE = "python -m pelican.plugins.megaphone.commands"
# What each make target runs, as a site owner types it from the site's folder.
DIRECT = {
    "check": f"{MODULE} check content -s pelicanconf.py",
    "devserver": f"{MODULE} devserver content -o output -s pelicanconf.py",
    "serve": f"{MODULE} devserver content -o output -s pelicanconf.py",
    "publish": f"{MODULE} build content -o output -s publishconf.py",
}


def command(target: str, make_arguments: str = "", direct_arguments: str = "") -> str:
    """`make TARGET` under this repository's Makefile, else the command itself."""
    if os.environ.get("MEGAPHONE_MAKE") == "1":
        return " ".join(p for p in (f"make {target}", make_arguments) if p)
    return " ".join(p for p in (DIRECT[target], direct_arguments) if p)


def guide(page: str) -> str:
    """Where a page of the guide is, as the reader can open it: `docs/errors.md` in
    this repository (or under its Makefile), else the copy the installed package
    carries (pelican/plugins/megaphone/docs/), as a path from here."""
    installed = os.path.join(os.path.dirname(os.path.dirname(__file__)), "docs", page)
    if os.environ.get("MEGAPHONE_MAKE") == "1" or not os.path.isfile(installed):
        return f"docs/{page}"
    relative = os.path.relpath(installed)
    return installed if relative.startswith("..") else relative
