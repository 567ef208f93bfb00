"""The page's script runs in every browser of the floor the README names (Safari and
iOS 13, Chrome and Edge 80, Firefox 72, Samsung Internet 12): every script the site
ships, the inline ones in <head> too, parses as ES2019 and uses only what those
browsers have. ESLint with eslint-plugin-es-x (eslint.config.mjs), pinned in
package.json; `make lint` runs the same check on theme/static/js."""

from __future__ import annotations

import os
import subprocess

import pytest

from helpers import soup
from settings_under_test import ROOT

ESLINT = ROOT / "node_modules" / ".bin" / "eslint"


@pytest.fixture(scope="module")
def eslint():
    if not ESLINT.exists():
        message = "ESLint needs `npm ci` (eslint, eslint-plugin-es-x)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (in CI this is a failure)", pytrace=False)
        pytest.skip(message)
    return ESLINT


def lint(eslint, code: str) -> subprocess.CompletedProcess:
    """ESLint on `code` as if it were one of the theme's scripts (the config's files)."""
    return subprocess.run(
        [str(eslint), "--stdin", "--stdin-filename", "theme/static/js/shipped.js"],
        input=code,
        text=True,
        capture_output=True,
        cwd=ROOT,
    )


@pytest.mark.parametrize(
    "code",
    [
        "var a = /(?<!\\\\)\\[/;",  # lookbehind: Safari before 16.4
        "var a = /(?<name>x)/;",  # named groups: Firefox before 78
        "var a = /\\p{L}/u;",  # property escapes: Firefox before 78
        "var a = /./s;",  # dotAll: Firefox before 78
        "var a = b?.c;",  # optional chaining: Safari before 13.1
        "var a = b ?? c;",
        "var a = [1].at(-1);",  # Safari before 15.4
        "var a = Object.hasOwn({}, 'x');",
        "var a = 'x'.replaceAll('x', 'y');",
        "var a = 10n;",  # BigInt literals: ES2020
        "var a = 'x'.matchAll(/x/g);",
        "Promise.allSettled([]);",
    ],
)
def test_the_linter_refuses_what_the_floor_browsers_lack(eslint, code):
    result = lint(eslint, code)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "error" in result.stdout


def test_the_linter_takes_what_they_have(eslint):
    code = "var a = Array.from('ab').length; var b = Object.fromEntries([]); [1].flat();"
    result = lint(eslint, code)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_script_the_site_ships_is_at_the_floor(eslint, example_site):
    out = example_site("2021-02-22")
    scripts = sorted(out.rglob("*.js"))
    assert scripts, "the site ships a script"
    for path in scripts:
        result = lint(eslint, path.read_text("utf-8"))
        assert result.returncode == 0, (path, result.stdout + result.stderr)
    inline = {
        script.string
        for page in sorted(out.rglob("*.html"))
        for script in soup(page).find_all("script")
        if script.string and not script.get("src") and script.get("type") != "application/ld+json"
    }
    assert inline, "pages close themselves before the first paint, from <head>"
    for code in inline:
        result = lint(eslint, code)
        assert result.returncode == 0, (code[:200], result.stdout + result.stderr)
