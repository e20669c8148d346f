"""The site's pages as plain data: which pages there are, where each goes, what each shows.

Every page is a :class:`Page`: its path inside the output folder, its template and a
context of plain strings, numbers, lists and dicts. Templates only lay that out; every
decision (what counts as a draft, which pay to show, where a link goes) is made here,
where tests can read it without HTML.

Pages: ``index.html`` (every role by function and focus, and search), ``roles/CODE.html``,
``ladders/FUNCTION.FOCUS.html`` and ``compare/A--B.html`` for each two roles next to each
other on a ladder (same family and track, neighbouring ranks present in the catalog).

What is reused: ``jdgen ladder``'s rows (:func:`~jdgen.architecture.relations.ladder_rows`),
``jdgen compare``'s data (:func:`~jdgen.architecture.relations.compare`), pay worded by
:class:`~jdgen.architecture.pay.PayView` as ``show`` words it, and the distances and bands of
``jdgen adjacent`` (:mod:`.neighbours`). Pay is shown only where there are figures: a
family without any has no chart and no pay column, a role without any no pay section.
With a company (``-c``), pay is the company's band for the role's level, as
``jdgen ladder -c`` shows it; without one, the profile's market pay.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..architecture.pay import PayView
from ..architecture.relations import FACTS, compare, ladder_rows
from ..catalog.models import COMPONENT_LISTS
from ..compose.posting import is_approved
from .charts import Bar, chart_groups, has_figures, pay_chart
from .names import catalog_path, source_link, unique_stems, web_link
from .neighbours import Neighbourhood
from .options import SiteOptions

if TYPE_CHECKING:
    from ..catalog.root import Catalog

LIST_LABELS = {"responsibilities": "Responsibilities", "tasks": "Tasks", "skills": "Skills", "knowledge": "Knowledge",
               "competencies": "Competencies", "qualifications": "Qualifications", "tools": "Tools",
               "core_outputs": "Core outputs"}
DESCRIPTORS = (("scope", "Scope"), ("autonomy", "Autonomy"), ("complexity", "Complexity"), ("impact", "Impact"),
               ("decision_rights", "Decision rights"), ("leadership", "Leadership"))
SYSTEMS = {"onet_soc": "O*NET-SOC", "soc": "SOC", "isco": "ISCO", "esco": "ESCO"}
STATUS_WORDS = {"draft": "Draft", "review": "In review", "approved": "Approved", "retired": "Retired"}


@dataclass
class Page:
    path: str                      # inside the output folder, "/"-separated: "roles/AIMLAM.GEN.P4.html"
    template: str
    context: dict[str, Any] = field(default_factory=dict)


class SitePlan:
    """Everything the pages need, read from the catalog once."""

    def __init__(self, catalog: "Catalog", options: SiteOptions):
        self.catalog = catalog
        self.options = options
        self.loaded = {loaded.model.code: loaded for loaded in catalog.profiles()}
        self.company_name = None
        if options.company:
            from ..catalog.companies import find_company

            self.company_name = find_company(catalog, options.company).model.company.name
        self.neighbours = Neighbourhood(catalog)
        from .templates import catalog_site_templates

        self.templates = catalog_site_templates(catalog)  # the catalog's templates/ folder, if it has site/
        self._relative: dict = {}
        self._links: dict[tuple[str, str], dict[str, Any]] = {}
        taxonomy = catalog.taxonomy
        self.function_names = {f.code: f.name for f in taxonomy.functions} if taxonomy else {}
        self.focus_names = {(f.code, c.code): c.name for f in taxonomy.functions for c in f.focuses} if taxonomy else {}
        self.function_descriptions = {f.code: f.description for f in taxonomy.functions if f.description} if taxonomy else {}
        families: dict[tuple[str, str], list[str]] = {}
        for code, loaded in self.loaded.items():
            p = loaded.model
            families.setdefault((p.function.code, p.focus.code), []).append(code)
        self.families = dict(sorted(families.items()))
        self.role_stem = unique_stems(list(self.loaded))
        self.family_stem = unique_stems([f"{fn}.{fo}" for fn, fo in self.families])
        # ladder_rows() reads catalog.profiles(), all of them, per family: handed a view of the
        # catalog holding only the family, the same function costs one pass over the catalog in all.
        self.rows = {family: ladder_rows(_FamilyView(catalog, [self.loaded[c] for c in codes]),
                                         f"{family[0]}.{family[1]}", options.company)
                     for family, codes in self.families.items()}
        self.pairs: list[tuple[str, str]] = []
        self.family_pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for family, rows in self.rows.items():
            for lower, upper in zip(rows, rows[1:]):
                if lower["track"] == upper["track"]:
                    self.pairs.append((lower["code"], upper["code"]))
                    self.family_pairs.setdefault(family, []).append((lower["code"], upper["code"]))
        self.pairs_of: dict[str, list[tuple[str, str]]] = {}
        for pair in self.pairs:
            for code in pair:
                self.pairs_of.setdefault(code, []).append(pair)
        self.pay = {row["code"]: self._pay_of(row) for rows in self.rows.values() for row in rows}

    # --- names and links ----------------------------------------------------------
    def role_path(self, code: str) -> str:
        return f"roles/{self.role_stem[code]}.html"

    def ladder_path(self, family: tuple[str, str]) -> str:
        return f"ladders/{self.family_stem[f'{family[0]}.{family[1]}']}.html"

    def compare_path(self, a: str, b: str) -> str:
        return f"compare/{self.role_stem[a]}--{self.role_stem[b]}.html"

    def source(self, path, shown: str | None = None) -> dict[str, Any]:
        relative = self._relative.get(path)
        if relative is None:
            relative = self._relative[path] = catalog_path(self.catalog.root, path) or ""
        return {"text": relative or shown or "built-in", "href": source_link(self.options.source_url, relative or None)}

    def family_name(self, family: tuple[str, str]) -> str:
        function = self.function_names.get(family[0]) or self.loaded[self.families[family][0]].model.function.name
        focus = self.focus_names.get(family) or self.loaded[self.families[family][0]].model.focus.name
        return f"{function}: {focus}"

    # --- shared facts -------------------------------------------------------------
    def _pay_of(self, row: dict[str, Any]) -> PayView | None:
        data = row["pay"] if self.options.company else row["market_pay"]
        view = PayView.from_dict(data) if data else None
        return view if has_figures(view) else None

    def pay_label(self) -> str:
        return f"{self.company_name} pay band" if self.company_name else "Market pay"

    def role_link(self, code: str, root: str) -> dict[str, Any]:
        """How pages name a role: title, code, level and status, and its page's address from ``root``.
        Made once per role and root: every role is named on a dozen pages."""
        key = (code, root)
        link = self._links.get(key)
        if link is None:
            p = self.loaded[code].model
            level = self.catalog.level_of(p)
            link = self._links[key] = {"code": p.code, "title": p.title, "href": root + self.role_path(code),
                                       "level": level.code, "level_name": level.name, "status": _status(p.status)}
        return link

    def neighbour(self, n, root: str) -> dict[str, Any]:
        return {**self.role_link(n.code, root), "distance": f"{n.distance:.3f}".rstrip("0").rstrip("."),
                "band": n.band}

    def site(self) -> dict[str, Any]:
        from .. import __version__

        name = f"{self.company_name} career framework" if self.company_name else "Career framework"
        return {"name": name, "company": self.company_name, "version": __version__}

    # --- pages --------------------------------------------------------------------
    def page_keys(self) -> list[tuple]:
        """Every page as a small key (cheap to send to a worker process); :meth:`page` builds it."""
        return ([("index",)] + [("role", code) for code in self.loaded]
                + [("ladder", family) for family in self.families] + [("compare", a, b) for a, b in self.pairs])

    def page_path(self, key: tuple) -> str:
        """Where :meth:`page` puts the page of ``key``, without building it."""
        kind, *args = key
        if kind == "index":
            return "index.html"
        return {"role": self.role_path, "ladder": self.ladder_path, "compare": self.compare_path}[kind](*args)

    def page(self, key: tuple) -> Page:
        kind, *args = key
        return {"index": self.index_page, "role": self.role_page, "ladder": self.ladder_page,
                "compare": self.compare_page}[kind](*args)

    def pages(self) -> list[Page]:
        return [self.page(key) for key in self.page_keys()]

    def _base(self, root: str, title: str, sources: list[dict[str, Any]], drafts: bool) -> dict[str, Any]:
        return {"root": root, "title": title, "site": self.site(), "sources": sources, "noindex": drafts}

    def index_page(self) -> Page:
        functions: dict[str, dict[str, Any]] = {}
        for family, codes in self.families.items():
            entry = functions.setdefault(family[0], {
                "code": family[0], "name": self.function_names.get(family[0]) or self.loaded[codes[0]].model.function.name,
                "description": self.function_descriptions.get(family[0]), "families": []})
            entry["families"].append({
                "code": f"{family[0]}.{family[1]}", "name": self.focus_names.get(family) or self.loaded[codes[0]].model.focus.name,
                "href": self.ladder_path(family),
                "roles": [self.role_link(row["code"], "") for row in self.rows[family]]})
        taxonomy = self.catalog.taxonomy_path
        sources = [self.source(taxonomy)] if taxonomy else []
        sources.append({"text": "roles/", "href": source_link(self.options.source_url, "roles")})
        drafts = any(not is_approved(l.model.status) for l in self.loaded.values())
        context = self._base("", self.site()["name"], sources, drafts)
        context.update(functions=list(functions.values()), role_count=len(self.loaded), family_count=len(self.families),
                       drafts=sum(not is_approved(l.model.status) for l in self.loaded.values()))
        return Page("index.html", "index.html.j2", context)

    def role_page(self, code: str) -> Page:
        loaded = self.loaded[code]
        p = loaded.model
        level = self.catalog.level_of(p)
        family = (p.function.code, p.focus.code)
        root = "../"
        paths = self.neighbours.paths(code)
        # Roles the catalog's reviewers chose come first; the computed ones follow without repeating them.
        pinned = [self.neighbour(n, root) if not isinstance(n, str) else {"title": n}
                  for n in self.neighbours.pinned(code)]
        pinned_codes = {n["code"] for n in pinned if "code" in n}
        story = None
        if p.story is not None:
            s = p.story
            problem = s.problem
            story = {"who": s.who, "external": problem.external if problem else None,
                     "internal": problem.internal if problem else None,
                     "why": problem.why_it_matters if problem else None, "plan": list(s.plan),
                     "stakes": s.stakes, "success": s.success}
            if not any(story.values()):
                story = None
        lists = [{"name": name, "label": LIST_LABELS[name],
                  "items": [{"text": item.text, "preferred": item.priority == "preferred"} for item in getattr(p, name)]}
                 for name in COMPONENT_LISTS if getattr(p, name)]
        pay = self.pay.get(code)
        compare_links = [{"href": root + self.compare_path(a, b), "other": self.role_link(b if a == code else a, root)}
                         for a, b in self.pairs_of.get(code, ())]
        context = self._base(root, p.title, [self.source(loaded.path)], not is_approved(p.status))
        context.update(
            role={"code": p.code, "title": p.title, "summary": p.summary, "status": _status(p.status),
                  "version": p.version},
            family={"code": f"{family[0]}.{family[1]}", "name": self.family_name(family),
                    "href": root + self.ladder_path(family)},
            level={"code": level.code, "name": level.name, "years": level.years_text, "summary": level.summary,
                   "descriptors": [{"label": label, "text": getattr(level.descriptors, key)} for key, label in DESCRIPTORS]},
            story=story, lists=lists,
            aliases=[{"title": a.title, "type": a.type, "approved": a.approved} for a in p.title_aliases],
            classifications=[{"system": SYSTEMS.get(c.system, c.system), "code": c.code, "title": c.title}
                             for c in p.classifications],
            pay={"label": self.pay_label(), "figures": pay_figures(pay),
                 "details": None if self.company_name else pay.details()} if pay else None,
            up=self.neighbour(paths.up, root) if paths.up else None,
            lateral=[self.neighbour(n, root) for n in paths.lateral],
            pinned=pinned,
            adjacent=[self.neighbour(n, root) for n in paths.adjacent if n.code not in pinned_codes],
            compare=compare_links,
            references=[{"title": s.title, "href": web_link(s.url), "url": s.url, "note": s.note} for s in p.sources],
        )
        return Page(self.role_path(code), "role.html.j2", context)

    def ladder_page(self, family: tuple[str, str]) -> Page:
        root = "../"
        rows = self.rows[family]
        name = self.family_name(family)
        levels = []
        bars = []
        for row in rows:
            pay = self.pay.get(row["code"])
            levels.append({**self.role_link(row["code"], root), "years": row["years"],
                           "pay": pay_figures(pay) if pay else None,
                           "pay_details": pay.details() if pay and not self.company_name else None})
            if pay is not None:
                bars.append(Bar(f"{row['level']} {row['level_name']}", pay))
        family_code = f"{family[0]}.{family[1]}"
        heading = f"{self.pay_label()} by level, {family_code}"
        charts = [{"svg": pay_chart(members, currency, basis, f"chart-{n}", heading),
                   "caption": f"{self.pay_label()} by level, in {currency} per {basis}: each bar runs from the "
                              "band's minimum to its maximum" + ("; the dark mark is the median"
                                                                 if any(b.view.median is not None for b in members) else "")
                              + ". The table above has the same figures."}
                  for n, (currency, basis, members) in enumerate(chart_groups(bars), 1)]
        compares = [{"href": root + self.compare_path(a, b), "a": self.role_link(a, root), "b": self.role_link(b, root)}
                    for a, b in self.family_pairs.get(family, ())]
        sources = [self.source(self.loaded[row["code"]].path) for row in rows]
        ladder = self.catalog.ladder_path
        sources.append(self.source(ladder, shown="jdgen's built-in ladder"))
        drafts = any(not is_approved(self.loaded[row["code"]].model.status) for row in rows)
        context = self._base(root, f"Career ladder: {name}", sources, drafts)
        context.update(family={"code": family_code, "name": name}, levels=levels, charts=charts,
                       has_pay=bool(bars), pay_label=self.pay_label(), compares=compares)
        return Page(self.ladder_path(family), "ladder.html.j2", context)

    def compare_page(self, a: str, b: str) -> Page:
        root = "../"
        data = compare(self.catalog, [a, b])
        roles = [self.role_link(code, root) for code in (a, b)]
        facts = []
        for key, label in FACTS:
            if key in ("title",):
                continue
            if key in ("pay", "pay_details"):
                if self.options.company:
                    continue  # the company's bands are in the ladder; market pay would contradict them here
                views = [PayView.from_dict(r["pay"]) for r in data["roles"]]
                if not any(has_figures(v) for v in views):
                    continue
                cells = [(pay_figures(v) if key == "pay" else v.details()) if has_figures(v) else "not recorded"
                         for v in views]
            else:
                cells = ["not defined in the ladder" if r[key] is None else str(r[key]) for r in data["roles"]]
            if any(cells):
                facts.append({"label": label, "cells": cells})
        if self.options.company:
            views = [self.pay.get(code) for code in (a, b)]
            if any(views):
                facts.append({"label": self.pay_label(), "cells": [pay_figures(v) if v else "none" for v in views]})
        lists = [{"label": LIST_LABELS[name], "shared": parts["shared"],
                  "unique": [{"role": role, "items": parts["unique"][role["code"]]} for role in roles]}
                 for name, parts in data["lists"].items()]
        sources = [self.source(self.loaded[code].path) for code in (a, b)]
        drafts = any(not is_approved(self.loaded[code].model.status) for code in (a, b))
        first, second = (self.loaded[code].model for code in (a, b))
        family = (first.function.code, first.focus.code)
        context = self._base(root, f"Compare {first.title} and {second.title}", sources, drafts)
        context.update(roles=roles, facts=facts, lists=lists,
                       family={"code": f"{family[0]}.{family[1]}", "name": self.family_name(family),
                               "href": root + self.ladder_path(family)})
        return Page(self.compare_path(a, b), "compare.html.j2", context)

    # --- search -------------------------------------------------------------------
    def search_entries(self) -> list[dict[str, Any]]:
        """One entry per role: what the index page's search matches (title, aliases, code) and where it leads."""
        entries = []
        for code, loaded in self.loaded.items():
            p = loaded.model
            level = self.catalog.level_of(p)
            entries.append({"code": p.code, "title": p.title, "level": f"{level.code} {level.name}",
                            "aliases": list(dict.fromkeys(a.title for a in p.title_aliases if a.title != p.title)),
                            "url": self.role_path(code)})
        return entries


class _FamilyView:
    """A catalog seen through one family's profiles: what :func:`ladder_rows` reads, the rest delegated."""

    def __init__(self, catalog: "Catalog", loaded: list):
        self._catalog = catalog
        self._loaded = loaded

    def profiles(self) -> list:
        return self._loaded

    def __getattr__(self, name: str):
        return getattr(self._catalog, name)


def _status(status: str) -> dict[str, Any]:
    return {"word": status, "label": STATUS_WORDS.get(status, status), "draft": not is_approved(status)}


def pay_figures(view: PayView) -> str:
    """The figures as ``show`` words them, less the leading "range" of a band without a median
    ("$157,000–$196,000 USD per year"): on a page, a band reads as a range without the word."""
    return view.figures().removeprefix("range ")
