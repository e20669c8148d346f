"""Reading a catalog: find it, list its files, parse each with positions, check and type it.

A file goes through these modules in order: :mod:`~jdgen.catalog.root` finds the catalog
and is the :class:`~jdgen.catalog.root.Catalog` that looks things up in it;
:mod:`~jdgen.catalog.listing` says which entries of a folder are catalog files;
:mod:`~jdgen.catalog.yaml_source` parses one strictly, with a position for every value;
:mod:`~jdgen.catalog.loading` takes it to a typed model (:mod:`~jdgen.catalog.models`)
through the JSON Schemas (:mod:`~jdgen.catalog.schemas`, errors worded by
:mod:`~jdgen.catalog.schema_messages`) and the checks a schema cannot express (ladder,
taxonomy, companies, currencies, addresses, hidden characters); the parse of a valid
file is kept by :mod:`~jdgen.catalog.parse_cache`. :mod:`~jdgen.catalog.scaffold`
writes a new catalog (``jdgen init``).
"""
