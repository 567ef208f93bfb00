"""The site's security headers, defined once.

The Content-Security-Policy is written here and nowhere else: the pages'
<meta> tag (theme/templates/base.html) and the `_headers` file that Netlify
and Cloudflare Pages read both come from `content_security_policy`.

A <meta> CSP cannot say `frame-ancestors` (browsers ignore it there), and it
covers only HTML pages; the HTTP header adds `frame-ancestors 'none'` and
covers every file. docs/publishing.md gives the same headers for nginx,
Apache and Caddy."""

from __future__ import annotations

# Everything from this site only; the page's one inline <style> and its one
# inline <script> (closed-before-paint.js) by their hashes; the script cannot
# send anything anywhere, and nothing can be embedded.
_POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'{script_hash}"),
    ("style-src", "{style_hash}"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'none'"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
)

# Features the site never uses, turned off for its pages and anything they
# could embed. Not clipboard-write (the copy buttons) nor web-share (the
# share button): both are used. interest-cohort is the older name of
# browsing-topics; browsers that know neither ignore them.
UNUSED_FEATURES = (
    "accelerometer",
    "autoplay",
    "bluetooth",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "interest-cohort",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)


def _source(value: str, what: str) -> str:
    """One source, nothing more: no second source, directive or policy."""
    if len(value.split()) != 1 or ";" in value or "," in value:
        raise ValueError(f"not a CSP source for the {what}: {value!r}")
    return value.strip()


def content_security_policy(
    style_hash: str,
    script_hash: str = "",
    *,
    frame_ancestors: bool = False,
    preview_reload: bool = False,
    connect_self: bool = False,
) -> str:
    """The policy, with the inline stylesheet's CSP source (e.g. 'sha256-...')
    and that of the inline script, if the pages carry one (script-src 'self' and it).

    `frame_ancestors` adds `frame-ancestors 'none'`, for the HTTP header only.
    `preview_reload` is for `make devserver`'s own build only, never `make html` or
    `make publish`: its reload script asks the devserver (the page's own site) whether
    the site was rebuilt, so connect-src is 'self' instead of 'none'.
    `connect_self`: `connect-src 'self'`, only for a campaign page with target
    lists, whose script fetches the list and postcode shards from the site itself."""
    sources = {
        "style_hash": _source(style_hash, "stylesheet"),
        "script_hash": " " + _source(script_hash, "inline script") if script_hash else "",
    }
    policy = dict(_POLICY)
    if preview_reload or connect_self:
        policy["connect-src"] = "'self'"
    directives = [f"{name} {value.format(**sources)}" for name, value in policy.items()]
    if frame_ancestors:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def permissions_policy() -> str:
    return ", ".join(f"{feature}=()" for feature in UNUSED_FEATURES)


def security_headers(
    style_hash: str, script_hash: str = "", *, connect_self: bool = False
) -> list[tuple[str, str]]:
    """Every header, in order, as (name, value): the same for every file of the site
    (`connect_self`: for the pages of campaigns with target lists)."""
    policy = content_security_policy(
        style_hash, script_hash, frame_ancestors=True, connect_self=connect_self
    )
    return [
        ("Content-Security-Policy", policy),
        ("X-Content-Type-Options", "nosniff"),  # an image is never run as a script or page
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),  # frame-ancestors, for browsers that predate it
        ("Permissions-Policy", permissions_policy()),
    ]


def headers_file(
    style_hash: str,
    script_hash: str = "",
    connect_paths: tuple[str, ...] = (),
    paths: tuple[str, ...] = ("/*",),
) -> str:
    """The text of `_headers` (Netlify, Cloudflare Pages): a path, then indented headers.

    `connect_paths`: campaign pages with target lists, whose script fetches the
    lists from the site. Hosts merge the headers of every matching path rather
    than let one path override another, so the header carries the loosest policy
    any page needs (`connect-src 'self'` if one does), and each page's own
    <meta> policy narrows it: a browser enforces both, so every other page still
    has `connect-src 'none'`. `paths`: what the headers are for, every file of the
    site unless it is not only campaigns (site/scope.py: the campaigns' own)."""
    headers = security_headers(style_hash, script_hash, connect_self=bool(connect_paths))
    lines = [f"  {name}: {value}" for name, value in headers]
    return "\n".join(line for path in paths for line in [path, *lines]) + "\n"
