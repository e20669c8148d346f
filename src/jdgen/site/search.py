"""The search index: every role's title, aliases and code, as a small script that sets a global.

The site works opened from disk (``file://``), where browsers refuse ``fetch()`` of a
local JSON file; a ``<script src>`` is allowed everywhere. So the index is JavaScript
that assigns one global, ``JDGEN_SEARCH``, read by ``assets/search.js``.

The data is catalog text, so it is written as JSON with every non-ASCII character and
every ``<``, ``>``, ``&`` escaped (``\\u003c``): nothing in a title can end the script,
start markup, or be read as a line terminator (U+2028) by an older engine. search.js
puts it into the page with ``textContent`` and ``href`` to the site's own pages only,
never as HTML.
"""

from __future__ import annotations

import json
from typing import Any


def search_index_js(entries: list[dict[str, Any]]) -> bytes:
    """``assets/search-index.js``: the entries as ``[code, title, level, url, [aliases...]]`` rows."""
    rows = [[e["code"], e["title"], e["level"], e["url"], e["aliases"]] for e in entries]
    data = json.dumps(rows, ensure_ascii=True, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return ("// jdgen site search index: [code, title, level, page, aliases] per role.\n"
            f"window.JDGEN_SEARCH = {data};\n").encode("ascii")
