"""One Content-Security-Policy for the pages' <meta> and the host's headers."""

import re

import pytest

from helpers import campaign_md
from pelican.plugins.megaphone.site.assets import csp_hash
from pelican.plugins.megaphone.site.headers import (
    UNUSED_FEATURES,
    content_security_policy,
    headers_file,
    permissions_policy,
    security_headers,
)
from settings_under_test import ROOT

HASH = "'sha256-AbCdEf0123456789+/AbCdEf0123456789+/AbCdEf0='"
SCRIPT_HASH = "'sha256-ScRiPt0123456789+/ScRiPt0123456789+/ScRiPt0='"


def directives(policy: str) -> dict[str, str]:
    pairs = [d.strip().split(" ", 1) for d in policy.split(";")]
    names = [name for name, _ in pairs]
    assert len(names) == len(set(names)), "a directive is repeated"
    return dict(pairs)


def test_the_policy_is_the_one_the_pages_use_today():
    written = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": HASH,
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'none'",
        "object-src": "'none'",
        "frame-src": "'none'",
        "base-uri": "'none'",
        "form-action": "'none'",
    }
    assert directives(content_security_policy(HASH)) == written
    # The pages' one inline script (closed-before-paint.js), by its hash, and no other.
    with_script = directives(content_security_policy(HASH, SCRIPT_HASH))
    assert with_script == written | {"script-src": f"'self' {SCRIPT_HASH}"}


def test_frame_ancestors_only_in_the_header():
    assert "frame-ancestors" not in content_security_policy(HASH)  # ignored in <meta>
    header = directives(content_security_policy(HASH, frame_ancestors=True))
    assert header["frame-ancestors"] == "'none'"


BAD = ["", "  ", "'sha256-x'; script-src *", "'sha256-x', *", "'sha256-x' 'unsafe-inline'"]


@pytest.mark.parametrize("bad", BAD)
def test_a_style_hash_cannot_smuggle_in_a_directive(bad):
    with pytest.raises(ValueError):
        content_security_policy(bad)


@pytest.mark.parametrize("bad", BAD[2:])
def test_a_script_hash_cannot_smuggle_in_a_directive_or_a_source(bad):
    with pytest.raises(ValueError):
        content_security_policy(HASH, bad)


def test_headers_file_is_netlify_and_cloudflare_format():
    text = headers_file(HASH, SCRIPT_HASH)
    lines = text.split("\n")
    assert lines[0] == "/*" and text.endswith("\n") and lines[-1] == ""
    headers = {}
    for line in lines[1:-1]:
        assert re.fullmatch(r"  [A-Za-z-]+: \S.*", line), line
        name, value = line.strip().split(": ", 1)
        headers[name] = value
    assert headers == {
        "Content-Security-Policy": content_security_policy(HASH, SCRIPT_HASH, frame_ancestors=True),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": permissions_policy(),
    }
    assert [name for name, _ in security_headers(HASH, SCRIPT_HASH)] == list(headers)


def test_permissions_policy_turns_off_what_the_site_never_uses():
    policy = permissions_policy()
    features = dict(item.split("=") for item in policy.split(", "))
    assert set(features.values()) == {"()"}
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "browsing-topics",
        "interest-cohort",
    ):
        assert feature in features
    assert len(features) == len(UNUSED_FEATURES)


def test_permissions_policy_keeps_what_the_script_uses():
    script = (ROOT / "theme" / "static" / "js" / "megaphone.js").read_text("utf-8")
    assert "navigator.clipboard" in script and "navigator.share" in script  # still used
    assert "clipboard-write" not in permissions_policy()
    assert "web-share" not in permissions_policy()


def test_publishing_guide_gives_the_same_headers_for_each_server():
    guide = (ROOT / "docs" / "publishing.md").read_text("utf-8")
    for server in ("nginx", "Apache", "Caddy", "GitHub Pages", "Netlify"):
        assert server in guide
    # The inline script's hash is the same for every site (the stylesheet's is not):
    # the guide gives it as it is.
    script = (ROOT / "theme" / "static" / "js" / "closed-before-paint.js").read_text("utf-8")
    for name, value in security_headers("'sha256-…'", csp_hash(script.strip())):
        # Each server's block carries each header with the site's own policy.
        assert guide.count(name) >= 4, name
        assert guide.count(value) >= 4, (name, value)


def test_the_built_headers_file_and_every_page_agree_on_the_policy(site):
    out = site({"a.md": campaign_md(slug="a")}, today="2021-01-01")
    lines = (out / "_headers").read_text("utf-8").splitlines()
    assert lines[0] == "/*"
    headers = dict(line.strip().split(": ", 1) for line in lines[1:] if line.strip())
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    header_policy = headers["Content-Security-Policy"]
    for page in out.rglob("*.html"):
        meta = (
            re.search(
                r'http-equiv="Content-Security-Policy" content="([^"]+)"', page.read_text("utf-8")
            )
            .group(1)
            .replace("&#39;", "'")
        )
        assert header_policy == meta + "; frame-ancestors 'none'", page
