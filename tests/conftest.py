"""Fixtures shared by every test."""

from pathlib import Path

import pytest

from sites import build, write_site


@pytest.fixture
def site(tmp_path):
    """Write campaign files and build them: site({"a.md": text}, today=...)."""

    def _site(files: dict[str, str], today: str | None = None, **override) -> Path:
        content = write_site(tmp_path, files)
        return build(content, tmp_path / "output", today, **override)

    return _site
