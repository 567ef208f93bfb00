"""Cache files are signed, so that only what this computer's own builds wrote is loaded.

Some cache files are loaded as code: the build cache's bundles and Pelican's reader
cache are pickles (unpickling runs code), Jinja's compiled templates are marshal'd
code. A cache folder can arrive with a checkout (`git add -f cache/`) or from a CI
cache a pull request's build filled. So every such file is signed with HMAC-SHA256
under a key kept outside the checkout, in the user's own cache folder
(`$XDG_CACHE_HOME/megaphone/signing-key`, or `MEGAPHONE_SIGNING_KEY_PATH`), and a
file that is unsigned, signed with another key or cut short is never loaded: it is
dropped and made again. Without a usable key the build runs without its cache."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import stat
import tempfile
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

KEY_BYTES = 32
KEY_PATH_VARIABLE = "MEGAPHONE_SIGNING_KEY_PATH"
_MAGIC = b"megaphone-signed-1\n"
_TAG_BYTES = hashlib.sha256().digest_size


def key_path() -> Path:
    """Where the key is: MEGAPHONE_SIGNING_KEY_PATH, else the XDG cache folder."""
    chosen = os.environ.get(KEY_PATH_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG rules: a relative XDG_CACHE_HOME is ignored (it would follow the
    # folder the build runs in: the checkout).
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "megaphone" / "signing-key"


def signing_key(cache_path: str | os.PathLike) -> bytes | None:
    """This user's key, made on first use; None when it cannot be made or trusted
    (a read-only home, a key others may read): the build then runs without its cache."""
    try:
        path = key_path().resolve()
        # A key inside the cache folder could have come with it.
        if path.is_relative_to(Path(cache_path).resolve()):
            return None
        return _read_key(path) or _make_key(path)
    except (OSError, RuntimeError, ValueError):  # RuntimeError: no home folder at all
        return None


def _private(info: os.stat_result) -> bool:
    """Ours alone: a key others may read or change signs nothing they could not forge.
    (Git checks files out 0644, so a key that came with a checkout fails this too.)"""
    if not hasattr(os, "getuid"):  # Windows: no owners or modes to check this way
        return True
    return info.st_uid == os.getuid() and info.st_mode & 0o077 == 0


def _read_key(path: Path) -> bytes | None:
    """The key, None when there is none yet, PermissionError when it may not be trusted."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            key = handle.read(KEY_BYTES + 1)
    except FileNotFoundError:
        return None
    if not _private(info) or len(key) != KEY_BYTES:
        raise PermissionError(f"{path} is not a key only this user can read")
    return key


def _make_key(path: Path) -> bytes | None:
    """A new random key, written whole before it appears (mkstemp makes it 0600), and
    never over one another build made meanwhile (a hard link fails if the name exists)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".new-key-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(secrets.token_bytes(KEY_BYTES))
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
    finally:
        os.unlink(temporary)
    return _read_key(path)


def _tag(key: bytes, purpose: str, data: bytes) -> bytes:
    """The purpose (what the file is, and for which name) is signed with the data, so
    that a file signed for one use is never accepted for another."""
    label = purpose.encode("utf-8", "surrogatepass")
    signed = hmac.new(key, len(label).to_bytes(8, "big") + label, hashlib.sha256)
    signed.update(data)
    return signed.digest()


def mac(key: bytes, purpose: str, data: bytes) -> str:
    return _tag(key, purpose, data).hex()


def seal(key: bytes, purpose: str, data: bytes) -> bytes:
    return _MAGIC + _tag(key, purpose, data) + data


def unseal(key: bytes, purpose: str, blob: bytes) -> bytes | None:
    """The data, if this key signed it for this purpose; None for anything else."""
    if not blob.startswith(_MAGIC) or len(blob) < len(_MAGIC) + _TAG_BYTES:
        return None
    tag = blob[len(_MAGIC) : len(_MAGIC) + _TAG_BYTES]
    data = blob[len(_MAGIC) + _TAG_BYTES :]
    return data if hmac.compare_digest(tag, _tag(key, purpose, data)) else None


def read_file(path: Path) -> bytes:
    """A regular file's bytes, never through a symbolic link: git keeps links, and one to
    /dev/zero would be read for ever (OSError for anything but a regular file)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    with os.fdopen(os.open(path, flags), "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"{path} is not a regular file")
        return handle.read()


def write_atomically(path: Path, data: bytes) -> None:
    """Whole or not at all: a killed build leaves no half-written file (OSError passes up)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".new-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


_BUCKET_KEY = re.compile(r"[0-9a-f]+")


class SignedBytecodeCache(BytecodeCache):
    """Jinja's compiled templates in a folder, signed: Jinja's FileSystemBytecodeCache
    would hand any file there to pickle (its checksum) and marshal (its code)."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder, self.key = folder, key

    def _file(self, bucket: Bucket) -> Path | None:
        # Jinja's keys are hex digests; anything else is no name for a file here.
        if not _BUCKET_KEY.fullmatch(bucket.key):
            return None
        return self.folder / f"__jinja2_{bucket.key}.cache"  # FileSystemBytecodeCache's names

    def load_bytecode(self, bucket: Bucket) -> None:
        path = self._file(bucket)
        try:
            blob = read_file(path) if path else b""
        except OSError:  # none yet
            return
        data = unseal(self.key, f"jinja {bucket.key}", blob)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        path = self._file(bucket)
        if path is None:
            return
        try:
            write_atomically(
                path, seal(self.key, f"jinja {bucket.key}", bucket.bytecode_to_string())
            )
        except OSError:
            pass  # a full or read-only disk: compiled again next time

    def clear(self) -> None:
        for path in self.folder.glob("__jinja2_*.cache"):
            path.unlink(missing_ok=True)
