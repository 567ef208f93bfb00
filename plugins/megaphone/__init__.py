"""Megaphone: campaign pages whose email links carry the letter exactly.

Pelican is imported only when Pelican loads the plugin, so that the encoder
(`model.links`) and the model stay importable and testable on their own.
"""


def register():
    from .site.hooks import register as connect

    connect()
