"""`make github` says what went wrong in one line, never a traceback or git's own
lines: a wrong remote, a remote that is not a repository, no network, a branch
that moved on. Offline: local bare repositories in a temporary folder, and a host
name that cannot resolve (.invalid)."""

import os
import re
import subprocess
import sys

from helpers import make
from settings_under_test import ROOT

IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}
OFFLINE = "https://nonexistent.invalid/x.git"


def git(*arguments, cwd):
    return subprocess.run(
        ["git", *arguments],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **IDENTITY},
    ).stdout


def repository(tmp_path):
    """A checkout with a remote `pages` (an empty bare repository) and a built site."""
    git("init", "--bare", "-q", str(tmp_path / "remote.git"), cwd=tmp_path)
    checkout = tmp_path / "checkout"
    git("init", "-q", str(checkout), cwd=tmp_path)
    git("commit", "-q", "--allow-empty", "-m", "start", cwd=checkout)
    git("remote", "add", "pages", str(tmp_path / "remote.git"), cwd=checkout)
    site = tmp_path / "output"
    site.mkdir()
    (site / "index.html").write_text("<p>The site</p>", "utf-8")
    return checkout, site


def github(checkout, site, remote="pages"):
    """`make github`'s own command, as make runs it: (exit status, stdout, stderr)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican.plugins.megaphone.commands",
            "github",
            str(site),
            "--remote",
            remote,
        ],
        cwd=checkout,
        capture_output=True,
        text=True,
        env={**os.environ, **IDENTITY, "PYTHONPATH": str(ROOT / ".plugin")},
        timeout=60,
    )
    return done.returncode, done.stdout, done.stderr


def one_line(stderr, code):
    """The whole of what was said on stderr: one line, with its code, and no traceback."""
    assert "Traceback" not in stderr, stderr
    assert stderr.count("\n") == 1 and stderr.endswith("\n"), stderr
    assert stderr.startswith(f"make github: [{code}] "), stderr
    return stderr


def test_a_remote_without_the_branch_gets_it(tmp_path):
    checkout, site = repository(tmp_path)
    status, out, err = github(checkout, site)
    assert (status, err) == (0, ""), err
    assert "a new branch" in out
    remote = str(tmp_path / "remote.git")
    assert git("--git-dir", remote, "show", "gh-pages:index.html", cwd=tmp_path) == (
        "<p>The site</p>"
    )
    status, out, err = github(checkout, site)  # the second time, on top of the first
    assert (status, err) == (0, "") and "a new branch" not in out
    assert git("--git-dir", remote, "rev-list", "--count", "gh-pages", cwd=tmp_path) == "2\n"


def test_a_mistyped_remote_is_named_with_the_remotes_there_are(tmp_path):
    checkout, site = repository(tmp_path)
    status, _, err = github(checkout, site, remote="pagez")
    assert status == 1
    said = one_line(err, "github-remote-unknown")
    assert "'pagez' is not a remote" in said and "(its remotes: pages)" in said
    assert "gh-pages" not in git("branch", "--list", cwd=checkout)  # nothing was committed


def test_a_remote_that_leads_nowhere(tmp_path):
    checkout, site = repository(tmp_path)
    git("remote", "add", "gone", str(tmp_path / "deleted.git"), cwd=checkout)
    status, _, err = github(checkout, site, remote="gone")
    assert status == 1
    assert "does not appear to be a git repository" in one_line(err, "github-not-a-repository")


def test_no_network_is_one_line(tmp_path):
    checkout, site = repository(tmp_path)
    git("remote", "add", "origin", OFFLINE, cwd=checkout)
    for remote in ("origin", OFFLINE):
        status, _, err = github(checkout, site, remote=remote)
        assert status == 1
        said = one_line(err, "github-unreachable")
        assert "Could not resolve host: nonexistent.invalid" in said and "offline" in said


def test_a_branch_that_moved_on_is_refused_in_one_line_and_fetch_fixes_it(tmp_path):
    checkout, site = repository(tmp_path)
    assert github(checkout, site)[0] == 0
    elsewhere = tmp_path / "elsewhere"  # someone published from another computer since
    git(
        "clone",
        "-q",
        "--branch",
        "gh-pages",
        str(tmp_path / "remote.git"),
        str(elsewhere),
        cwd=tmp_path,
    )
    (elsewhere / "index.html").write_text("<p>From elsewhere</p>", "utf-8")
    git("commit", "-q", "-am", "elsewhere", cwd=elsewhere)
    git("push", "-q", "origin", "gh-pages", cwd=elsewhere)
    git("update-ref", "-d", "refs/remotes/pages/gh-pages", cwd=checkout)  # never fetched here
    status, _, err = github(checkout, site)
    assert status == 1
    assert "'git fetch pages'" in one_line(err, "github-branch-moved")
    git("fetch", "-q", "pages", cwd=checkout)  # what the message says to do
    status, _, err = github(checkout, site)
    assert (status, err) == (0, ""), err
    (elsewhere / "again.html").write_text("<p>Again from elsewhere</p>", "utf-8")
    git("add", "again.html", cwd=elsewhere)
    git("commit", "-q", "-m", "elsewhere again", cwd=elsewhere)
    git("pull", "-q", "--rebase", "origin", "gh-pages", cwd=elsewhere)
    git("push", "-q", "origin", "gh-pages", cwd=elsewhere)
    address = str(tmp_path / "remote.git")  # GITHUB_REMOTE as an address, not a name
    status, _, err = github(checkout, site, remote=address)
    assert status == 1
    fetch = f"git fetch {address} +gh-pages:gh-pages"
    assert f"'{fetch}'" in one_line(err, "github-branch-moved")
    git(*fetch.split()[1:], "-q", cwd=checkout)
    status, _, err = github(checkout, site, remote=address)
    assert (status, err) == (0, ""), err


def test_make_github_with_a_wrong_remote_says_it_in_one_line(tmp_path):
    """Through make, in this checkout: the remote is checked before anything is
    committed, so nothing here changes."""
    result = make(
        "github",
        f"INPUTDIR={ROOT / 'tests' / 'fixtures' / 'example'}",
        f"OUTPUTDIR={tmp_path / 'out'}",
        "GITHUB_REMOTE=no-such-remote-here",
        SITEURL="https://example.github.io/campaigns",
        CAMPAIGN_TODAY="2021-02-22",
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    *_, said, makes = result.stderr.splitlines()  # after the build's own warnings, if any
    assert said.startswith("make github: [github-remote-unknown] 'no-such-remote-here'")
    assert re.fullmatch(r"make: \*\*\* \[Makefile:\d+: github\] Error 1", makes), result.stderr


def test_without_git_it_says_so_in_one_line(tmp_path):
    checkout, site = repository(tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican.plugins.megaphone.commands",
            "github",
            str(site),
            "--remote",
            "pages",
        ],
        cwd=checkout,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PATH": str(tmp_path / "no-git-here"),
            "PYTHONPATH": str(ROOT / ".plugin"),
        },
        timeout=60,
    )
    assert done.returncode == 1
    assert "git could not run" in one_line(done.stderr, "github-failed")


def test_a_branch_name_git_refuses_is_one_line(tmp_path):
    checkout, site = repository(tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican.plugins.megaphone.commands",
            "github",
            str(site),
            "--branch",
            "gh pages",
        ],
        cwd=checkout,
        capture_output=True,
        text=True,
        env={**os.environ, **IDENTITY, "PYTHONPATH": str(ROOT / ".plugin")},
        timeout=60,
    )
    assert done.returncode == 1
    assert "'gh pages' is not a name git allows" in one_line(done.stderr, "github-failed")
