"""`make github`: push the published site to a branch of a git remote (GitHub Pages).

ghp-import writes the branch in this repository; git pushes it. Both are run
here so that whatever goes wrong (a remote that does not exist, a computer
that is offline, a branch that moved on) is said in one plain line, never
as git's many lines or ghp-import's traceback."""

from __future__ import annotations

import argparse
import subprocess
import sys

import ghp_import

from ..model.messages import say
from ..model.report import Problem

COMMAND = "make github"


class PushFailed(Exception):
    """What went wrong, in one line with its code."""


def _git(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *arguments], capture_output=True, text=True, check=False)


def git_reason(stderr: str) -> str:
    """git's own first line of complaint, without its 'fatal: ' and on one line."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    wanted = [line for line in lines if line.startswith(("fatal:", "error:", "!"))] or lines
    if not wanted:
        return "git gave no reason"
    first = wanted[0].removeprefix("fatal:").removeprefix("error:").strip()
    return " ".join(first.split())


def _remote_names() -> list[str]:
    return _git("remote").stdout.split()


def _looks_like_address(remote: str) -> bool:
    return ":" in remote or "/" in remote or remote.endswith(".git")


def _fetch(remote: str, branch: str) -> str:
    """What brings the remote's branch here, where ghp-import builds on it: a named
    remote's own copy (remote/branch), or, for an address, the branch itself."""
    if remote in _remote_names():
        return f"git fetch {remote}"
    return f"git fetch {remote} +{branch}:{branch}"


def explain(remote: str, branch: str, stderr: str) -> str:
    """git's failure, read for what a volunteer can do about it."""
    text = stderr.lower()
    reason = git_reason(stderr)
    if "could not resolve host" in text or "unable to access" in text:
        return say("github-unreachable", remote=remote, reason=reason)
    if "does not appear to be a git repository" in text:
        names = _remote_names()
        if remote not in names and not _looks_like_address(remote):
            return say("github-remote-unknown", remote=remote, remotes=", ".join(names) or "none")
        return say("github-not-a-repository", remote=remote, reason=reason)
    if "[rejected]" in text or "non-fast-forward" in text or "fetch first" in text:
        return say(
            "github-branch-moved", remote=remote, branch=branch, fetch=_fetch(remote, branch)
        )
    if "permission denied" in text or "authentication failed" in text or "403" in text:
        return say("github-denied", remote=remote, reason=reason)
    return say("github-failed", remote=remote, reason=reason)


def in_a_repository(remote: str) -> None:
    found = _git("rev-parse", "--git-dir")
    if found.returncode != 0:
        raise PushFailed(say("github-failed", remote=remote, reason=git_reason(found.stderr)))


def a_branch_name(remote: str, branch: str) -> None:
    """Before git fast-import, which would print its own crash report."""
    if _git("check-ref-format", "--branch", branch).returncode != 0:
        reason = f"{branch!r} is not a name git allows for a branch (GITHUB_PAGES_BRANCH)"
        raise PushFailed(say("github-failed", remote=remote, reason=reason))


def branch_is_online(remote: str, branch: str) -> bool:
    """Whether the remote has the branch already; first of all, the remote can be reached."""
    found = _git("ls-remote", "--heads", remote, f"refs/heads/{branch}")
    if found.returncode != 0:
        raise PushFailed(explain(remote, branch, found.stderr))
    return bool(found.stdout.strip())


def commit_site(output: str, remote: str, branch: str) -> None:
    """The folder as the new last commit of `branch`, in this repository (ghp-import)."""
    try:
        ghp_import.ghp_import(
            output, nojekyll=True, remote=remote, branch=branch, mesg="Publish the site"
        )
    except ghp_import.GhpError as error:
        raise PushFailed(say("github-failed", remote=remote, reason=error.message)) from None
    except TypeError:  # ghp-import's own way of saying that git fast-import failed
        reason = "git could not write the commit (git fast-import failed)"
        raise PushFailed(say("github-failed", remote=remote, reason=reason)) from None


def push(remote: str, branch: str) -> None:
    pushed = _git("push", "--quiet", remote, branch)
    if pushed.returncode != 0:
        raise PushFailed(explain(remote, branch, pushed.stderr))


def _failed(text: str) -> int:
    print(Problem(COMMAND, "", text), file=sys.stderr)
    return 1


def publish(output: str, remote: str, branch: str) -> int:
    try:
        in_a_repository(remote)
        a_branch_name(remote, branch)
        existed = branch_is_online(remote, branch)
        commit_site(output, remote, branch)
        push(remote, branch)
    except PushFailed as failed:
        return _failed(str(failed))
    except OSError as error:  # no git on this computer, or it cannot run
        reason = f"git could not run ({error.strerror or error})"
        return _failed(say("github-failed", remote=remote, reason=reason))
    new = "" if existed else " (a new branch: choose it in GitHub's Settings → Pages)"
    print(f"Pushed {output}/ to the {branch} branch of {remote}{new}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="output")
    parser.add_argument("--remote", default="origin")
    parser.add_argument("--branch", default="gh-pages")
    args = parser.parse_args(argv)
    return publish(args.output, args.remote, args.branch)


if __name__ == "__main__":
    sys.exit(main())
