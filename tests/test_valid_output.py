"""Every built page is valid HTML (Nu HTML Checker), and no internal link is broken."""

import json
import os
import shutil
import subprocess
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from test_untranslated_words import HINDI_SITE

from helpers import build, soup, write_hindi_site
from settings_under_test import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# How the JVM runs, not what is checked: for one short run, the quick compiler alone
# and one garbage-collector thread take half the CPU time. The quick compiler needs a
# deeper stack for the checker's schema: without -Xss the checker stops with a
# StackOverflowError and this test fails (no report, so no error for the control page).
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m"]


@pytest.fixture(scope="module")
def sites(example_site, tmp_path_factory):
    """The shared example site open and closed: variants, a draft, a long letter too;
    and the Hindi site, whose English words are marked (spans inside the theme's)."""
    root = tmp_path_factory.mktemp("hindi-valid")
    hindi = build(write_hindi_site(root), root / "out", "2021-01-01", **HINDI_SITE)
    return [example_site("2021-02-22"), example_site("2021-03-01"), hindi]


def html_files(sites):
    return [p for out in sites for p in sorted(out.rglob("*.html"))]


def test_every_page_passes_the_nu_html_checker(sites, tmp_path):
    java = shutil.which("java")
    if not (java and VNU.exists()):
        message = "the Nu HTML Checker needs java and `npm ci` (vnu-jar)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (in CI this is a failure)", pytrace=False)
        pytest.skip(message)
    pages = html_files(sites)
    assert len(pages) >= 10
    control = tmp_path / "control-invalid.html"  # proves the checker can fail
    control.write_text('<!doctype html><html lang="en"><title>x</title><p><div>bad</p>')
    result = subprocess.run(
        [java, *JAVA_OPTIONS, "-jar", str(VNU), "--format", "json", "--errors-only"]
        + [str(page) for page in pages + [control]],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        (unquote(urlsplit(m.get("url", "")).path), m.get("lastLine"), m["message"])
        for m in messages
    ]
    assert [e for e in errors if e[0] != str(control)] == []
    assert [e for e in errors if e[0] == str(control)]


def test_no_internal_link_is_broken(sites):
    for out in sites:
        for page in out.rglob("*.html"):
            base = "/" + page.relative_to(out).as_posix()
            html = soup(page)
            targets = [a["href"] for a in html.find_all("a", href=True)]
            targets += [t["src"] for t in html.find_all(src=True)]
            targets += [
                link["href"]
                for link in html.find_all("link", href=True)
                if not {"canonical", "alternate"} & set(link.get("rel", []))
                or link.get("type") == "application/atom+xml"
            ]
            for target in targets:
                url = urlsplit(urljoin(base, target))
                if url.scheme or url.netloc or target.startswith(("mailto:", "data:", "#")):
                    continue
                path = out / unquote(url.path).lstrip("/")
                if url.path.endswith("/"):
                    path = path / "index.html"
                assert path.exists(), (page.relative_to(out).as_posix(), target)
                if url.fragment:
                    assert soup(path).find(id=url.fragment), (page, target)


def test_hreflang_and_canonical_links_point_to_built_pages(sites):
    out = sites[0]
    for page in out.rglob("*.html"):
        for link in soup(page).find_all("link", href=True, rel=["canonical", "alternate"]):
            if link.get("type"):
                continue
            path = urlsplit(link["href"]).path  # absolute, on MEGAPHONE_SITEURL
            assert (out / path.lstrip("/") / "index.html").exists() or (
                out / path.lstrip("/")
            ).is_file()
