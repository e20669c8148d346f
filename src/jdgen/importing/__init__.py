"""``jdgen import``: draft role profiles from postings people already have.

A posting file is read by :mod:`jdgen.documents`, its sections mapped onto a profile's lists
(:mod:`.mapping`), a code proposed from the taxonomy and level (:mod:`.codes`), and the draft
written as YAML in the catalog's own style (:mod:`.yaml_text`) after the catalog's schema and
model checks accept it (:mod:`.run`).
"""
