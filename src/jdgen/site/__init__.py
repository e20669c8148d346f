"""``jdgen site``: a static career site built from the catalog.

:func:`jdgen.site.build.build_site` is the API; the CLI only parses options and prints.
The site is plain files (HTML, one CSS file, two small scripts) that work opened from
disk or from any static host: :mod:`.pages` decides what each page shows,
:mod:`.neighbours` finds every role's adjacent roles and career moves, :mod:`.charts`
draws the pay charts, :mod:`.search` writes the search index, :mod:`.templates` lays the
pages out and :mod:`.writer` writes or checks the folder.
"""
