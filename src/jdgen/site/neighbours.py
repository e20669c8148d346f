"""Adjacent roles, next level up and lateral moves for every role of a catalog at once.

The distances and bands are :mod:`jdgen.architecture.relations`' own: each value here
comes from :func:`~jdgen.architecture.relations.distance` and
:func:`~jdgen.architecture.relations.band`, and the lists are what ``jdgen adjacent``
prints (sorted by distance, then code). Only the search is different.

Why not call ``adjacent()`` per role: it measures every pair, n² distance calls, about
four seconds for a 1,000-profile catalog, the whole budget of a site build. A distance
depends only on two things, the taxonomy step between the families (same family, other
focus, sibling function, other super-function) and the two levels. So the other roles
fall into at most four groups per level, each group at one distance, and the nearest
``limit`` roles are found by walking the groups from the nearest, merging groups of equal
distance by code, and stopping once ``limit`` are found: about (4 × levels) distance
calls per role instead of n. ``tests/test_site_neighbours.py`` checks the result against
``adjacent()`` on catalogs with several functions, focuses, super-functions and tracks.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Iterator

from ..architecture.relations import Neighbour, band, distance

if TYPE_CHECKING:
    from ..catalog.models import Level, Profile
    from ..catalog.root import Catalog

# A lateral move stays at the role's level and within this distance: "near" or closer
# (another focus of the function, or a sibling function of the same super-function).
LATERAL_LIMIT = 0.375


@dataclass(frozen=True)
class _Role:
    code: str
    title: str
    profile: "Profile"
    level: "Level"
    family: tuple[str, str]
    function: str
    group: str  # super-function code, or the function itself when no super-function lists it


@dataclass(frozen=True)
class Paths:
    """Where a role can go from here: the nearest roles, the next level up, lateral moves."""

    adjacent: tuple[Neighbour, ...]
    up: Neighbour | None
    lateral: tuple[Neighbour, ...]


class Neighbourhood:
    """Every role's nearest roles, computed from one pass over the catalog's profiles."""

    def __init__(self, catalog: "Catalog"):
        taxonomy = catalog.taxonomy
        group_of: dict[str, str] = {}
        if taxonomy is not None:
            for super_function in taxonomy.super_functions:
                for function in super_function.functions:
                    group_of.setdefault(function, super_function.code)
        self.taxonomy = taxonomy
        self.roles: dict[str, _Role] = {}
        for loaded in catalog.profiles():
            p = loaded.model
            self.roles[p.code] = _Role(p.code, p.title, p, catalog.level_of(p), (p.function.code, p.focus.code),
                                       p.function.code, group_of.get(p.function.code, "\0" + p.function.code))
        # Lists of roles by code (catalog.profiles() is in code order), per level and narrower keys.
        self._all: dict[str, list[_Role]] = {}
        self._by: dict[tuple, list[_Role]] = {}
        for role in self.roles.values():
            level = role.level.code
            self._all.setdefault(level, []).append(role)
            for key in (("family", role.family, level), ("function", role.function, level), ("group", role.group, level)):
                self._by.setdefault(key, []).append(role)
        self._levels = {role.level.code: role.level for role in self.roles.values()}
        self._family: dict[tuple[str, str], list[_Role]] = {}
        for role in self.roles.values():
            self._family.setdefault(role.family, []).append(role)

    def _groups(self, me: _Role, level: str) -> list[Iterator[_Role]]:
        """The other roles at ``level``, in the four taxonomy groups (nearest first), each in code order."""
        family = self._by.get(("family", me.family, level), [])
        function = self._by.get(("function", me.function, level), [])
        group = self._by.get(("group", me.group, level), [])
        every = self._all.get(level, [])
        return [
            (r for r in family if r.code != me.code),
            (r for r in function if r.family != me.family) if len(function) > len(family) else iter(()),
            (r for r in group if r.function != me.function) if len(group) > len(function) else iter(()),
            (r for r in every if r.group != me.group) if len(every) > len(group) else iter(()),
        ]

    def _ranked(self, me: _Role, levels: list[str]) -> Iterator[Neighbour]:
        """The roles at ``levels``, nearest first (ties by code), as ``adjacent()`` orders them."""
        by_distance: dict[float, list[Iterator[_Role]]] = {}
        for level in levels:
            for members in self._groups(me, level):
                first = next(members, None)
                if first is None:
                    continue
                d = distance(me.profile, first.profile, me.level, first.level, self.taxonomy)
                by_distance.setdefault(d, []).append(_prepend(first, members))
        for d in sorted(by_distance):
            name = band(d)
            for role in heapq.merge(*by_distance[d], key=lambda r: r.code):
                yield Neighbour(role.code, role.title, role.profile.level, d, name)

    def adjacent(self, code: str, limit: int = 5) -> list[Neighbour]:
        """The ``limit`` nearest roles to ``code``: what ``jdgen adjacent CODE --limit N`` lists."""
        return list(islice(self._ranked(self.roles[code], sorted(self._levels)), limit))

    def paths(self, code: str, limit: int = 5, lateral_limit: int = 10) -> Paths:
        """``code``'s nearest roles, the next level up in its family and track, and its lateral moves:
        roles at its own level in another family, at most "near" (:data:`LATERAL_LIMIT`) away."""
        me = self.roles[code]
        higher = [r for r in self._family.get(me.family, ()) if r.level.track == me.level.track and r.level.rank > me.level.rank]
        up = None
        if higher:
            nxt = min(higher, key=lambda r: (r.level.rank, r.code))
            d = distance(me.profile, nxt.profile, me.level, nxt.level, self.taxonomy)
            up = Neighbour(nxt.code, nxt.title, nxt.profile.level, d, band(d))
        lateral = []
        for neighbour in self._ranked(me, [me.level.code]):
            if neighbour.distance > LATERAL_LIMIT or len(lateral) == lateral_limit:
                break
            if self.roles[neighbour.code].family != me.family:
                lateral.append(neighbour)
        return Paths(tuple(self.adjacent(code, limit)), up, tuple(lateral))

    def pinned(self, code: str) -> list[Neighbour | str]:
        """The adjacent roles ``code``'s profile pins, in its order: a :class:`Neighbour` for a
        role of the catalog, measured as ``jdgen adjacent`` measures it, and the bare title of a
        role named by title alone (one outside the catalog). Entries that pin nothing (a code the
        catalog lacks, the role itself, a repeat) are left out here; lint's JD105 reports them,
        and a site is no place to fail a build over a reviewer's typo."""
        me = self.roles[code]
        seen = {code}
        pinned: list[Neighbour | str] = []
        for entry in me.profile.adjacent_roles:
            if entry.code is None:
                if entry.title is not None:
                    pinned.append(entry.title)
                continue
            other = self.roles.get(entry.code)
            if other is None or entry.code in seen:
                continue
            seen.add(entry.code)
            d = distance(me.profile, other.profile, me.level, other.level, self.taxonomy)
            pinned.append(Neighbour(other.code, other.title, other.profile.level, d, band(d)))
        return pinned


def _prepend(first: _Role, rest: Iterator[_Role]) -> Iterator[_Role]:
    yield first
    yield from rest
