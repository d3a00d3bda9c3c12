"""Plain text from the HTML fragments that legacy exports leave inside lines and table cells."""

from __future__ import annotations

from lxml import etree, html

# Elements that start a new line of text: a paragraph, a list item, a line break, a rule.
_BREAKING = {"p", "li", "br", "div", "hr", "tr", "ul", "ol"}


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one paragraph or list item per line.

    Formulas (``<math>``) are kept as their flattened text: the fraction bars are lost in the source already, so the
    raw characters are all there is.  Text around the tags (the fragment is often half HTML, half plain) is kept.
    """
    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    parts: list[str] = []
    _walk(root, parts)
    return "".join(parts).strip("\n")


def _walk(element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _BREAKING:
        parts.append("\n")
    if element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if tag in _BREAKING:
        parts.append("\n")
