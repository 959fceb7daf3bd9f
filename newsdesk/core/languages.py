"""Language codes as pages and outputs state them, and the direction their text runs in."""

from django.core.validators import RegexValidator
from django.utils.translation import get_language_info

# BCP 47 as editors type it: a language (2–3 letters), then optional script, region or variant subtags.
language_code_validator = RegexValidator(
    r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
    "A language code such as ko, ar, ur-PK or zh-Hant.",
)
# Right-to-left languages Django does not list, or lists under another code.
RIGHT_TO_LEFT = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "ug", "ur", "yi"}


def text_direction(code: str) -> str:
    """ "rtl" for a right-to-left language (Arabic, Urdu, Persian, Hebrew…), else "ltr"."""
    base = (code or "").split("-")[0].lower()
    if base in RIGHT_TO_LEFT:
        return "rtl"
    try:
        return "rtl" if get_language_info(base)["bidi"] else "ltr"
    except KeyError:
        return "ltr"
