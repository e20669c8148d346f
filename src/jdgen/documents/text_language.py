"""Which language a posting file reads as, from its most common short words.

jdgen's wording lists (gender-coded, exclusionary, age, alcohol, ...) are written for English,
and the gender-coded one for German too. A posting in Vietnamese or Portuguese passed through
them comes out "clean" because none of its words are on an English list, which a reader takes
as a verdict. Knowing the language lets the wording rules say they were skipped instead.

The guess counts how many of a text's words are among a language's commonest function words
(articles, pronouns, prepositions, conjunctions, auxiliaries): about a quarter to a third of the
words of running English, German or French prose are, and almost none of another language's are.
It needs no model and no dependency, reads at most the first few thousand words, and only has to tell the
languages jdgen has lists for apart from everything else: it answers one of the languages below
or None ("none of them"), never a language it has no words for, and a file too short to tell
is not guessed.

Only words in Latin letters are weighed against the lists: every language listed is written in
them, so a word in Tamil or Arabic letters can be no list's function word, and counting it would
let a few post names in brackets ("Examiner (நகல் பரிசோதகர்)") drag an English notice below the
threshold. A text whose words are mostly in another script reads as none of the languages.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

# Each language's commonest function words, written for this check (any grammar's list of
# articles, pronouns, prepositions, conjunctions and auxiliaries gives the same); words two
# of these languages share ("in", "an", "de" is French only) are kept only where they belong.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""the a an and or but of to in on at for with from by as is are was were be been being
        will would can could should may must have has had do does did not no you your yours we our us
        they their them it its this that these those who which what when where how if than then there
        here all any each about into over under after before up out so also such more most other""".split()),
    "de": frozenset("""der die das den dem des ein eine einen einem einer eines und oder aber von zu im
        auf mit für bei aus nach über unter vor ist sind war waren wird werden wurde kann können soll
        sollte muss müssen hat haben hatte nicht kein keine sie ihr ihre wir unser unsere uns es sich
        dieser diese dieses wer was wann wo wie wenn als auch noch sowie durch um zum zur""".split()),
    "fr": frozenset("""le la les un une des du de et ou mais à au aux en dans sur avec pour par sans sous
        chez est sont était être sera seront peut peuvent doit avez avons ont a ne pas vous votre vos
        nous notre nos ils elles leur leurs il elle ce cette ces qui que quoi quand où comment si
        plus aussi tout tous toute toutes""".split()),
    # Languages jdgen has no wording lists for, so that a posting in one is named rather than
    # read as its nearest neighbour (Portuguese shares "de", "a" and "que" with French).
    "es": frozenset("""el la los las un una unos unas y o pero de del al a en con para por sin sobre es son
        era ser será puede pueden debe tiene tienen no tu tus su sus nosotros nuestro nuestra usted que
        quien cual cuando donde como si más también todo todos toda todas este esta estos estas""".split()),
    "pt": frozenset("""o a os as um uma uns umas e ou mas de do da dos das ao à em no na nos nas com para
        por sem sobre é são era ser será pode podem deve tem têm não você seu sua seus suas nós nosso
        nossa que quem qual quando onde como se mais também todo todos toda todas este esta isso""".split()),
    "it": frozenset("""il lo la i gli le un uno una e o ma di del della dei delle a al alla da in nel nella
        con per su tra fra è sono era essere sarà può possono deve ha hanno non tu tuo tua voi vostro
        noi nostro nostra che chi quale quando dove come se più anche tutto tutti questo questa""".split()),
    "nl": frozenset("""de het een en of maar van voor met op aan in uit bij naar over onder is zijn was
        waren wordt worden kan kunnen moet heeft hebben niet geen je jij jouw jullie wij we ons onze
        die dat deze wie wat wanneer waar hoe als ook nog door om""".split()),
}
LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese",
                  "it": "Italian", "nl": "Dutch"}

# Fewer words than this say too little to tell a language by (a title, a one-line note).
MIN_WORDS = 40
# Share of function words below which a text is not read as the language: English postings
# written as terse bullet lists measured about 0.12 and up; other languages' text against the
# English list about 0.03 and under (benchmarks/quality postings, 2026-12-04).
MIN_SHARE = 0.07

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A letter outside the Latin blocks (Basic Latin to Latin Extended-B, and Latin Extended
# Additional, where Vietnamese letters live).
_NOT_LATIN = re.compile("[^\x00-\u024f\u1e00-\u1eff]")
# A language shows in its first few thousand words; reading no more keeps a 1 MB file cheap.
MAX_WORDS = 5000


def guess_language(texts: Iterable[str]) -> tuple[str | None, int]:
    """(the language the texts read as, or None for none of jdgen's; how many words were read,
    up to :data:`MAX_WORDS`).

    Texts under :data:`MIN_WORDS` words in all give ("", count): too short to tell either way."""
    words: list[str] = []
    for text in texts:
        for match in _WORD.finditer(text):
            words.append(match.group())
            if len(words) >= MAX_WORDS:
                break
        if len(words) >= MAX_WORDS:
            break
    if len(words) < MIN_WORDS:
        return "", len(words)
    latin = [word for word in words if not _NOT_LATIN.search(word)]
    if 2 * len(latin) <= len(words):
        return None, len(words)
    seen = Counter(word.lower() for word in latin)
    counts = {language: sum(seen[word] for word in known if word in seen) for language, known in FUNCTION_WORDS.items()}
    best = max(counts, key=lambda language: (counts[language], language == "en"))
    return (best if counts[best] >= MIN_SHARE * len(latin) else None), len(words)
