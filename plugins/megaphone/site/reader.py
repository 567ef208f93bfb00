"""Pelican's Markdown reader, after a look at the file's size and shape.

Python-Markdown takes time that grows with the square of some shapes' length
(thousands of `[` that never close): one small file from a pull request could
keep every build busy for minutes. A campaign file larger or more bracketed
than any real one is refused before Markdown reads it; Pelican's "could not
process" then becomes the problem (read_failures.py)."""

from __future__ import annotations

import os

from pelican.readers import MarkdownReader

from ..model.limits import MAX_CAMPAIGN_FILE_BYTES, MAX_OPEN_BRACKETS
from ..model.messages import ContentError
from .scope import in_campaign_paths, is_markdown, owns, reading_settings, strict


class CampaignFileError(ContentError):
    """Raised by the reader: read_failures.py turns it into the file's problem."""


class CheckedMarkdownReader(MarkdownReader):
    settings: dict

    def read(self, source_path):
        if not owns(self.settings, source_path):  # another article of the site: Pelican's
            return super().read(source_path)
        if os.path.getsize(source_path) > MAX_CAMPAIGN_FILE_BYTES:
            raise CampaignFileError("campaign-file-too-large", most=MAX_CAMPAIGN_FILE_BYTES // 1024)
        with open(source_path, encoding="utf-8", errors="replace") as source:
            brackets = source.read().count("[")
        if brackets > MAX_OPEN_BRACKETS:
            raise CampaignFileError(
                "campaign-file-brackets", count=brackets, most=MAX_OPEN_BRACKETS
            )
        site = self.settings
        self.settings = reading_settings(site, source_path)  # a blog's codehilite is not a letter's
        try:
            return super().read(source_path)
        finally:
            self.settings = site


READING = "megaphone_reading"  # the file being read, on Pelican's Readers


def use_checked_reader(readers) -> None:
    """Pelican's readers_init: every extension the Markdown reader takes, checked first;
    and the file being read noted, for the signals that are not told which it is."""
    for extension, reader in list(readers.reader_classes.items()):
        if reader is MarkdownReader:
            readers.reader_classes[extension] = CheckedMarkdownReader
    read_file = readers.read_file

    def noted(*args, **kwargs):
        named = {**dict(zip(("base_path", "path"), args, strict=False)), **kwargs}
        where = os.path.join(str(named.get("base_path") or ""), str(named.get("path") or ""))
        setattr(readers, READING, where)
        settings = readers.settings
        if not settings.get("TYPOGRIFY") or not sent_as_written(settings, where):
            return read_file(*args, **kwargs)
        # Pelican's Typogrify runs after the reader, on the content, title and summary
        # (curly quotes, <span class="caps">, &nbsp;): a campaign is sent as its file
        # says, so it is read without. The rest of the site keeps it.
        typogrify, settings["TYPOGRIFY"] = settings["TYPOGRIFY"], False
        try:
            return read_file(*args, **kwargs)
        finally:
            settings["TYPOGRIFY"] = typogrify

    readers.read_file = noted


def sent_as_written(settings, path: str) -> bool:
    """A file whose words reach an email: a campaign (every article of a strict site)."""
    return strict(settings) or (is_markdown(path) and in_campaign_paths(settings, path))


def file_being_read(generator) -> str:
    """The file the generator's readers are reading now ('' if unknown)."""
    return str(getattr(getattr(generator, "readers", None), READING, "") or "")
