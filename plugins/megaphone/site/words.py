"""Words that Python puts on pages and into files, translated like the theme's.

`make translations` collects them from here (see babel.cfg); each is
translated with the catalogue of the page's own language where it is used."""


def N_(text: str) -> str:
    """Marks a string for the catalogues; it is translated where it is used."""
    return text


# A deadline in words: a CLDR date pattern, then the sentence around it.
DEADLINE_PATTERN = N_("EEEE d MMMM y 'at' h:mm a")
DEADLINE_SENTENCE = N_("{when}, {city} time")

# The calendar reminder (remind.ics).
REMINDER_SUMMARY = N_("Last chance: {title}")
REMINDER_DESCRIPTION = N_("Closes {when}. Send the letter: {url}")
REMINDER_CALL_DESCRIPTION = N_("Closes {when}. Make the call: {url}")  # a call alone
REMINDER_ALARM = N_("One day left: {title}")
