"""`make language CODE=fr`: start the theme's catalogue for a new language.

The code is checked as a page's `Lang` is (with "did you mean" for a slip),
and the catalogue is written where the build reads it: pybabel alone would
fail on `pt-br` with a traceback, or put `pt_BR` in a folder no page reads,
and would start an existing catalogue again from empty."""

from __future__ import annotations

import argparse
import os
import sys

from babel.messages.frontend import CommandLineInterface

from ..model.language import LanguageError, babel_locale, check_language
from ..model.report import Problem
from ..site.i18n import catalogue_path

COMMAND = "make language"


def page_code(text: str) -> str:
    """`pt_BR` and `PT-BR` as a page writes them, `pt-br`; raises LanguageError."""
    code = text.strip()
    normal = code.replace("_", "-").lower()
    try:
        return check_language(normal)
    except LanguageError:
        return check_language(code)  # the message quotes what was typed


def start_catalogue(text: str, directory: str) -> int:
    if not text.strip():
        print("Say which language: make language CODE=fr", file=sys.stderr)
        return 1
    try:
        code = page_code(text)
    except LanguageError as error:
        print(Problem(COMMAND, "CODE", str(error)), file=sys.stderr)
        return 1
    path = catalogue_path(directory, code)
    if os.path.exists(path):
        print(f"{path} exists already: translate the rest there (docs/translating.md).")
        return 1
    os.makedirs(os.path.dirname(path), exist_ok=True)
    template = os.path.join(directory, "messages.pot")
    CommandLineInterface().run(
        ["pybabel", "--quiet", "init", "-i", template, "-o", path, "-l", babel_locale(code)]
    )
    print(f"Started {path}. Translate each msgstr in it (docs/translating.md).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("code", nargs="?", default="")
    parser.add_argument("--catalogues", default="theme/translations")
    args = parser.parse_args(argv)
    return start_catalogue(args.code, args.catalogues)


if __name__ == "__main__":
    sys.exit(main())
