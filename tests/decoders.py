"""Two independent ways to read a link back, as mail clients do.

- RFC 6068 style: split on ? & = and , then strict UTF-8 percent-decoding,
  with a + kept as a + (Apple Mail, Thunderbird, desktop Outlook).
- Form style: urllib.parse.parse_qs, which reads + as a space (Gmail, Outlook
  on the web, GNOME).
Neither uses the encoder's code."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote_to_bytes, urlsplit

FIELDS = ("to", "cc", "bcc", "subject", "body")


def strict_unquote(text: str) -> str:
    for i, char in enumerate(text):
        if char == "%":
            assert all(c in "0123456789ABCDEFabcdef" for c in text[i + 1 : i + 3]), text
    return unquote_to_bytes(text).decode("utf-8")  # strict: bad bytes raise


def _split(url: str) -> tuple[str, str]:
    """(recipients in the path, query) for mailto; ("", query) for webmail."""
    if url.startswith("mailto:"):
        path, _, query = url[len("mailto:") :].partition("?")
        return path, query
    return "", urlsplit(url).query


def _addresses(value: str) -> list[str]:
    return [strict_unquote(a) for a in value.split(",")] if value else []


def _subject_key(url: str) -> str:
    return "su" if url.startswith("https://mail.google.com/") else "subject"


def rfc_decode(url: str) -> dict:
    path, query = _split(url)
    result = {"to": _addresses(path), "cc": [], "bcc": [], "subject": "", "body": ""}
    seen = set()
    for pair in query.split("&") if query else []:
        name, sep, value = pair.partition("=")
        assert sep, f"field without '=': {pair!r}"
        assert name not in seen, f"field {name} repeated"
        seen.add(name)
        key = "subject" if name == _subject_key(url) else name
        if key in ("to", "cc", "bcc"):
            result[key] = _addresses(value)
        elif key in ("subject", "body"):
            result[key] = strict_unquote(value)
    return result


def form_decode(url: str) -> dict:
    path, query = _split(url)
    fields = parse_qs(
        query, keep_blank_values=True, strict_parsing=bool(query), encoding="utf-8", errors="strict"
    )
    assert all(len(v) == 1 for v in fields.values()), fields
    one = {k: v[0] for k, v in fields.items()}
    to = one.get("to", "") if not url.startswith("mailto:") else strict_unquote(path)
    return {
        "to": to.split(",") if to else [],
        "cc": one["cc"].split(",") if "cc" in one else [],
        "bcc": one["bcc"].split(",") if "bcc" in one else [],
        "subject": one.get(_subject_key(url), ""),
        "body": one.get("body", ""),
    }
