"""How a name is compared: the one normal form that aliases, the gazetteer and merges all use."""

import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2013": "-", "\u2014": "-", "\u2010": "-"})
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")


def normalise(name: str) -> str:
    """Case, accents, curly quotes, a leading "the" and spacing don't make a different name.

    "The Karakoram Highway", "karakoram  highway" and "Karakoram Highway" are one; "CPEC" and "Cpec" too.
    A trailing possessive ("Beijing's") is the extractor's business, not this function's.
    """
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip().casefold()
    return _LEADING_THE.sub("", text).strip(" .,;:")
