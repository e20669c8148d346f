"""How far two readings of the same postings agree, phrase by phrase.

    python benchmarks/agreement.py A.yaml B.yaml            # the tables
    python benchmarks/agreement.py A.yaml B.yaml --show     # also every disagreement
    python benchmarks/agreement.py A.yaml B.yaml --postings DIR
    python benchmarks/agreement.py A.yaml B.yaml --shared   # only postings both readings judged

A and B are judgement files in the quality corpus's format (benchmarks/quality/README.md):
a list of postings, each with `file`, `level`, `language` ({phrase, family}), `language_ok`
and `experience` ({phrase, min_years, fits_level}). The excerpts are read from `postings/`
beside A unless --postings names another folder.

Why this exists: jdgen's language rules are scored against one reviewer. If two reviewers
following the same guideline agree only so far with each other, that is the ceiling a rule
set can be expected to reach against either of them, and the targets should be read
against it.

Design choices:
- A phrase of B agrees when its character span in the excerpt intersects the span of a
  phrase of A in the same posting, whatever either calls its family; this is the scorer's
  own notion of a hit (bench_quality.py), so the two figures can be set side by side.
  Whether the families also match is counted separately.
- A phrase stands for every place its exact wording occurs in the excerpt: the guideline
  records the same wording once per posting, so two readers who quote different occurrences
  of "recent graduate" have read the same thing.
- Precision of B against A is B's agreeing phrases over all of B's; recall is A's agreeing
  phrases over all of A's. Precision of A against B is therefore the recall of B against A,
  and the other way round, so one table serves both directions. Per family, precision is
  counted by B's family and recall by A's.
- A second reading often covers only part of a corpus (the tuning corpus's second reading is of
  its postings 198-241, the fifth held-out set): --shared leaves out every posting only one
  reading judged, so the other postings' phrases are not counted as disagreements.
- Years statements are matched the same way (overlapping spans); for each matched pair the
  two `min_years` and `fits_level` are compared. `fits_level` is also scored as a finding,
  "does not fit", with B against A, as the experience check is.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

# The guideline's order (GUIDELINES.md, "Language families"); a family outside it sorts after.
FAMILIES = (
    "gender_coded", "jargon", "age", "gendered_address", "restricted_eligibility",
    "alcohol", "sensory", "physical", "other",
)


class ReadingError(Exception):
    """A reading or an excerpt cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class Phrase:
    """One judged phrase of a posting and every span its wording covers in the excerpt."""

    file: str
    text: str
    family: str | None
    spans: tuple[tuple[int, int], ...]

    def overlaps(self, other: Phrase) -> bool:
        return self.file == other.file and any(
            start < o_end and o_start < end
            for start, end in self.spans for o_start, o_end in other.spans
        )


def spans_of(excerpt: str, phrase: str) -> tuple[tuple[int, int], ...]:
    """Every (start, end) where ``phrase`` occurs in ``excerpt``, overlapping occurrences included."""
    found = []
    start = excerpt.find(phrase)
    while phrase and start != -1:
        found.append((start, start + len(phrase)))
        start = excerpt.find(phrase, start + 1)
    return tuple(found)


def load_reading(path: Path) -> dict[str, dict]:
    """The reading's postings by file name."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReadingError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise ReadingError(f"{where}: not valid YAML (check the quoting on that line)") from None
    if not isinstance(data, list) or not all(isinstance(e, dict) and "file" in e for e in data):
        raise ReadingError(
            f"{path}: expected a list of postings, each with a 'file' (see benchmarks/quality/README.md)"
        )
    return {entry["file"]: entry for entry in data}


def _phrases(entry: dict, key: str, excerpt: str, source: Path) -> list[Phrase]:
    items = entry.get(key) or []
    out = []
    for item in items:
        text, family = (item, None) if isinstance(item, str) else (item.get("phrase", ""), item.get("family"))
        spans = spans_of(excerpt, text)
        if not spans:
            raise ReadingError(
                f"{source}: {entry['file']}: {key} phrase {text!r} is not in the excerpt"
                " (quote it character for character)"
            )
        out.append(Phrase(entry["file"], text, family, spans))
    return out


@dataclass
class Posting:
    file: str
    level: str | None
    language: list[Phrase]
    language_ok: list[Phrase]
    experience: list[tuple[Phrase, dict]]


def read_postings(reading: dict[str, dict], postings_dir: Path, source: Path) -> dict[str, Posting]:
    out = {}
    for name, entry in reading.items():
        try:
            excerpt = (postings_dir / name).read_text(encoding="utf-8")
        except OSError:
            raise ReadingError(f"{source}: {name}: no such excerpt in {postings_dir} (check the file name)") from None
        experience = entry.get("experience") or []
        out[name] = Posting(
            file=name,
            level=entry.get("level"),
            language=_phrases(entry, "language", excerpt, source),
            language_ok=_phrases(entry, "language_ok", excerpt, source),
            experience=list(zip(_phrases(entry, "experience", excerpt, source), experience)),
        )
    return out


@dataclass
class LanguageCounts:
    """Counts per family; ``b_agree[f]`` counts B's phrases of family f that overlap one of A's."""

    a_total: Counter
    b_total: Counter
    a_agree: Counter
    b_agree: Counter
    same_family: int = 0
    a_left_by_b: int = 0  # A flagged it, B read it and listed it as a near miss
    b_left_by_a: int = 0


def compare_language(a: dict[str, Posting], b: dict[str, Posting]) -> LanguageCounts:
    counts = LanguageCounts(Counter(), Counter(), Counter(), Counter())
    for name in sorted(set(a) | set(b)):
        a_flags = a[name].language if name in a else []
        b_flags = b[name].language if name in b else []
        a_ok = a[name].language_ok if name in a else []
        b_ok = b[name].language_ok if name in b else []
        for phrase in a_flags:
            counts.a_total[phrase.family] += 1
            if any(phrase.overlaps(other) for other in b_flags):
                counts.a_agree[phrase.family] += 1
            elif any(phrase.overlaps(other) for other in b_ok):
                counts.a_left_by_b += 1
        for phrase in b_flags:
            counts.b_total[phrase.family] += 1
            matches = [other for other in a_flags if phrase.overlaps(other)]
            if matches:
                counts.b_agree[phrase.family] += 1
                counts.same_family += any(m.family == phrase.family for m in matches)
            elif any(phrase.overlaps(other) for other in a_ok):
                counts.b_left_by_a += 1
    return counts


@dataclass
class ExperienceCounts:
    a_total: int = 0
    b_total: int = 0
    matched: int = 0
    same_years: int = 0
    same_fit: int = 0
    a_not_fit: int = 0  # statements A says do not fit
    b_not_fit: int = 0
    both_not_fit: int = 0  # matched statements both say do not fit
    levels_compared: int = 0
    same_level: int = 0


def compare_experience(a: dict[str, Posting], b: dict[str, Posting]) -> ExperienceCounts:
    counts = ExperienceCounts()
    for name in sorted(set(a) | set(b)):
        a_items = a[name].experience if name in a else []
        b_items = b[name].experience if name in b else []
        counts.a_total += len(a_items)
        counts.b_total += len(b_items)
        counts.a_not_fit += sum(item.get("fits_level") is False for _, item in a_items)
        counts.b_not_fit += sum(item.get("fits_level") is False for _, item in b_items)
        if name in a and name in b:
            counts.levels_compared += 1
            counts.same_level += a[name].level == b[name].level
        # Each of A's statements pairs with the first of B's that overlaps it, so a statement
        # is never counted twice.
        unused = list(b_items)
        for a_phrase, a_item in a_items:
            partner = next(((p, i) for p, i in unused if p.overlaps(a_phrase)), None)
            if partner is None:
                continue
            unused.remove(partner)
            b_item = partner[1]
            counts.matched += 1
            counts.same_years += a_item.get("min_years") == b_item.get("min_years")
            counts.same_fit += a_item.get("fits_level") is b_item.get("fits_level")
            counts.both_not_fit += a_item.get("fits_level") is False and b_item.get("fits_level") is False
    return counts


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "—"


def _family_order(families) -> list[str]:
    known = [f for f in FAMILIES if f in families]
    return known + sorted(f for f in families if f not in FAMILIES and f is not None) + (
        [None] if None in families else []
    )


def language_table(c: LanguageCounts) -> list[str]:
    lines = [
        "| family | A phrases | B phrases | B agreeing | A agreeing | precision of B vs A | recall of B vs A |",
        "|---|---|---|---|---|---|---|",
    ]
    for family in _family_order(set(c.a_total) | set(c.b_total)):
        lines.append(
            f"| {family} | {c.a_total[family]} | {c.b_total[family]} | {c.b_agree[family]} | {c.a_agree[family]} "
            f"| {_ratio(c.b_agree[family], c.b_total[family])} | {_ratio(c.a_agree[family], c.a_total[family])} |"
        )
    a_all, b_all = sum(c.a_total.values()), sum(c.b_total.values())
    b_ok, a_ok = sum(c.b_agree.values()), sum(c.a_agree.values())
    lines.append(f"| all | {a_all} | {b_all} | {b_ok} | {a_ok} | {_ratio(b_ok, b_all)} | {_ratio(a_ok, a_all)} |")
    lines.append("")
    lines.append(f"Precision of A against B = {_ratio(a_ok, a_all)}, recall of A against B = {_ratio(b_ok, b_all)}.")
    lines.append(f"B's agreeing phrases given the same family as A's: {c.same_family} of {b_ok}.")
    lines.append(
        f"Read and left as a near miss by the other: {c.a_left_by_b} of A's flags (in B's language_ok), "
        f"{c.b_left_by_a} of B's flags (in A's language_ok)."
    )
    return lines


def experience_table(c: ExperienceCounts) -> list[str]:
    return [
        "| years statements | count |",
        "|---|---|",
        f"| in A | {c.a_total} |",
        f"| in B | {c.b_total} |",
        f"| in both (overlapping) | {c.matched} |",
        f"| same min_years | {c.same_years} of {c.matched} |",
        f"| same fits_level | {c.same_fit} of {c.matched} |",
        f"| \"does not fit\": A / B / both | {c.a_not_fit} / {c.b_not_fit} / {c.both_not_fit} |",
        "",
        f"\"Does not fit\" of B against A: precision {_ratio(c.both_not_fit, c.b_not_fit)}, "
        f"recall {_ratio(c.both_not_fit, c.a_not_fit)}.",
        f"Level read from the title: the same in {c.same_level} of {c.levels_compared} postings.",
    ]


def disagreements(a: dict[str, Posting], b: dict[str, Posting]) -> list[str]:
    """Every phrase one reading flagged and the other did not, and every years statement they read differently."""
    lines = []
    for name in sorted(set(a) | set(b)):
        pa, pb = a.get(name), b.get(name)
        a_flags, b_flags = (pa.language if pa else []), (pb.language if pb else [])
        for tag, mine, theirs, theirs_ok in (
            ("A only", a_flags, b_flags, pb.language_ok if pb else []),
            ("B only", b_flags, a_flags, pa.language_ok if pa else []),
        ):
            for phrase in mine:
                if any(phrase.overlaps(o) for o in theirs):
                    continue
                left = " (the other listed it as a near miss)" if any(phrase.overlaps(o) for o in theirs_ok) else ""
                lines.append(f"{name}: {tag} [{phrase.family}] {phrase.text!r}{left}")
        for phrase in a_flags:
            for other in b_flags:
                if phrase.overlaps(other) and phrase.family != other.family:
                    lines.append(f"{name}: family A {phrase.family} / B {other.family}: {phrase.text!r}")
        if pa and pb and pa.level != pb.level:
            lines.append(f"{name}: level A {pa.level} / B {pb.level}")
        a_years = pa.experience if pa else []
        b_years = pb.experience if pb else []
        for tag, mine, theirs in (("A only", a_years, b_years), ("B only", b_years, a_years)):
            for phrase, item in mine:
                if not any(phrase.overlaps(o) for o, _ in theirs):
                    lines.append(
                        f"{name}: years {tag} {phrase.text!r} ({item.get('min_years')}, fits {item.get('fits_level')})"
                    )
        for phrase, item in a_years:
            for other, b_item in b_years:
                if phrase.overlaps(other) and (item.get("min_years"), item.get("fits_level")) != (
                    b_item.get("min_years"), b_item.get("fits_level")
                ):
                    lines.append(
                        f"{name}: years {phrase.text!r}: A {item.get('min_years')}/{item.get('fits_level')}, "
                        f"B {b_item.get('min_years')}/{b_item.get('fits_level')}"
                    )
    return lines


def report(
    a_path: Path, b_path: Path, postings_dir: Path | None = None, show: bool = False, shared: bool = False
) -> str:
    postings_dir = postings_dir or a_path.parent / "postings"
    a_reading, b_reading = load_reading(a_path), load_reading(b_path)
    if shared:
        both = set(a_reading) & set(b_reading)
        a_reading = {name: entry for name, entry in a_reading.items() if name in both}
        b_reading = {name: entry for name, entry in b_reading.items() if name in both}
    a = read_postings(a_reading, postings_dir, a_path)
    b = read_postings(b_reading, postings_dir, b_path)
    only = sorted(set(a) ^ set(b))
    lines = [f"A = {a_path.name}, B = {b_path.name}; {len(set(a) & set(b))} postings in both"]
    if only:
        lines.append(f"In one reading only (their phrases count as unmatched): {', '.join(only)}")
    lines += ["", "Language", ""] + language_table(compare_language(a, b))
    lines += ["", "Experience", ""] + experience_table(compare_experience(a, b))
    if show:
        lines += ["", "Disagreements", ""] + disagreements(a, b)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare two readings of the same postings, phrase by phrase.")
    parser.add_argument("a", type=Path, help="the first reading (the reference)")
    parser.add_argument("b", type=Path, help="the second reading")
    parser.add_argument("--postings", type=Path, help="the excerpts' folder (default: postings/ beside A)")
    parser.add_argument("--show", action="store_true", help="also list every disagreement")
    parser.add_argument(
        "--shared", action="store_true", help="compare only the postings both readings judged"
    )
    args = parser.parse_args(argv)
    try:
        sys.stdout.write(report(args.a, args.b, args.postings, args.show, args.shared))
    except ReadingError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
