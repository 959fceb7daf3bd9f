"""Text as the XML outputs (feeds, sitemaps) may carry it."""

import re

from django.utils.xmlutils import SimplerXMLGenerator

# XML 1.0 forbids most control characters even when escaped; editors paste them in from word processors
# (a vertical tab from a soft line break, a form feed from a page break).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value: str) -> str:
    """`value` without the characters XML 1.0 cannot carry."""
    return _XML_ILLEGAL.sub("", value) if value else value


def xml_safe_data(data):
    """`data` (strings in dicts, lists and tuples, at any depth) with every string made `xml_safe`."""
    if isinstance(data, str):
        return xml_safe(data)
    if isinstance(data, dict):
        return {key: xml_safe_data(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return type(data)(xml_safe_data(value) for value in data)
    return data


class XMLSafeGenerator(SimplerXMLGenerator):
    """Django's XML generator, dropping XML-illegal characters instead of refusing the whole document."""

    def characters(self, content):
        super().characters(xml_safe(content))

    def startElement(self, name, attrs):
        super().startElement(name, {key: xml_safe(value) for key, value in (attrs or {}).items()})
