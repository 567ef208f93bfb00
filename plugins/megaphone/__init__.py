"""Megaphone: campaign pages whose email links carry the letter exactly.

Pelican is imported only when Pelican loads the plugin, so that the encoder
(`model.links`) and the model stay importable and testable on their own.

A site that installs the package names its theme without knowing where pip put it::

    from pelican.plugins.megaphone import theme_path

    PLUGINS = ["megaphone"]
    THEME = theme_path()
"""

from pathlib import Path


def theme_path() -> str:
    """The folder of Megaphone's own theme (templates, styles, script, catalogues),
    for a site's THEME setting."""
    here = Path(__file__).parent
    packaged = here / "theme"  # where the wheel puts it
    if packaged.is_dir():
        return str(packaged)
    # In a checkout of the repository the package is plugins/megaphone/, reached
    # through a link (.plugin/pelican/plugins/megaphone), and the theme is the
    # checkout's top-level theme/, which only the build copies into the package.
    checkout = here.resolve().parent.parent / "theme"
    if (checkout / "templates").is_dir():
        return str(checkout)
    raise FileNotFoundError(f"Megaphone's theme is neither in {packaged} nor in {checkout}")


def register():
    from .site.hooks import register as connect

    connect()
