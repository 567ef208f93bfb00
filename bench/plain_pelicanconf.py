"""The baseline for bench/build_scale.py: plain Pelican on the same Markdown.

No plugins, a minimal theme, no page menu, no syntax highlighting, no feeds."""

SITENAME = "Plain Pelican"
PATH = "content"
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
THEME = "plain_theme"
PLUGINS = []
ARTICLE_PATHS = ["campaigns"]
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DIRECT_TEMPLATES = ["index"]
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ARCHIVES_SAVE_AS = ""
DEFAULT_PAGINATION = False
DISPLAY_PAGES_ON_MENU = False
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
MARKDOWN = {
    "extension_configs": {"markdown.extensions.extra": {}, "markdown.extensions.meta": {}},
    "output_format": "html5",
}
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
STATIC_PATHS = []
