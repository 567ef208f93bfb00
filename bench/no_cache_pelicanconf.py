"""bench/make_html.py's other choice: this repository's settings with the build
cache off, as the site would build if the cache were dropped (issue 20)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pelicanconf import *  # noqa: E402, F403

MEGAPHONE_CACHE = False
