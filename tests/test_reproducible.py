"""Two builds of the same content, as of the same day, are byte-identical."""

import filecmp

from helpers import make_html, write_example


def tree(path):
    return sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file())


def test_two_builds_are_byte_identical(tmp_path):
    content = write_example(tmp_path)
    # Separate processes with different hash seeds, so no set or dict order can leak in.
    for name, seed in (("one", "1"), ("two", "2")):
        result = make_html(content, tmp_path / name, "2021-02-22", PYTHONHASHSEED=seed)
        assert result.returncode == 0, result.stdout + result.stderr
    first, second = tmp_path / "one", tmp_path / "two"
    files = tree(first)
    assert files == tree(second) and len(files) > 10
    match, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert mismatch == [] and errors == []
