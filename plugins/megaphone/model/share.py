"""Share links: plain <a> links, no third-party script, nothing loaded.

The visitor's browser contacts a network only if the visitor clicks."""

from __future__ import annotations

from .links import encode_value


def share_links(url: str, title: str) -> dict[str, str]:
    text = f"{title} {url}"
    return {
        "email": f"mailto:?subject={encode_value(title)}&body={encode_value(text)}",
        "whatsapp": f"https://wa.me/?text={encode_value(text)}",
        "bluesky": f"https://bsky.app/intent/compose?text={encode_value(text)}",
        # A share page that asks for the visitor's instance; the page's script
        # offers an instance field instead (https://INSTANCE/share?text=).
        "mastodon": f"https://s2f.kytta.dev/?text={encode_value(text)}",
        "x": f"https://x.com/intent/post?text={encode_value(title)}&url={encode_value(url)}",
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={encode_value(url)}",
    }
