"""Assemble the review page: one static HTML file, its CSS and script inline, its data as an inert JSON block.

Safety, because the documents are untrusted: document text never goes through an HTML parser.  It travels as JSON
inside ``<script type="application/json">`` (every ``<``, ``>``, ``&`` escaped as ``\\u003c``..., so no text can
close the block), and the page script puts it in the DOM with ``textContent`` only.  A Content-Security-Policy that
allows only this page's own script and style (by hash) and data-URI images is the second line: no network, and no
injected script would run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources
from typing import Any

_TOKEN = re.compile(r"@@(TITLE|CSP|STYLE|SCRIPT|DATA)@@")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def render_html(data: dict[str, Any]) -> str:
    """The review page for the review data (see ``extractor.emit.review.build_review_data``)."""
    style, script = _template("review.css"), _template("review.js")
    values = {
        "TITLE": html.escape(data.get("title") or "review", quote=True),
        "CSP": html.escape(content_security_policy(style, script), quote=False),
        "STYLE": style,
        "SCRIPT": script,
        "DATA": embed_json(data),
    }
    # One pass: inserted text is never scanned again for tokens.
    return _TOKEN.sub(lambda m: values[m.group(1)], _template("review.html"))


def embed_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: no character of it can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def content_security_policy(style: str, script: str) -> str:
    return (
        "default-src 'none'; img-src data:; "
        f"style-src {_hash(style)}; script-src {_hash(script)}; base-uri 'none'; form-action 'none'"
    )


def _hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def _template(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")
