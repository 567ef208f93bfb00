"""`python -m pelican.plugins.megaphone.commands NAME ...`: the commands the Makefile runs."""

from __future__ import annotations

import sys
from importlib import import_module

COMMANDS = {
    "build": "build",
    "check": "check",
    "devserver": "devserver",
    "campaign": "new_campaign",
    "github": "github",
    "language": "language",
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"Say which command: {', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    module = import_module(f"{__package__}.{COMMANDS[argv[0]]}")
    return int(module.main(argv[1:]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
