"""Word-list patterns for lint rules: the reader lives in :mod:`jdgen.compose.anchors`.

It moved there with the years reader (:mod:`jdgen.compose.experience`), which composing a
posting needs too (the level's years line is left out when a qualification states years);
lint keeps importing it from here.
"""

from ..compose.anchors import Anchored, AnchoredList, ScanGroup, fold, leading_words, required_words

__all__ = ["Anchored", "AnchoredList", "ScanGroup", "fold", "leading_words", "required_words"]
