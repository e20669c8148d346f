"""JD105: pinned adjacent roles that name no role of the catalog, the profile itself, or a role twice."""

from __future__ import annotations

from conftest import edit, line_of

AS_OF = ["--as-of", "2026-11-23"]
P4 = "roles/AIMLAM.GEN.P4.yaml"


def pin(catalog, *codes: str) -> None:
    entries = "".join(f"  - code: {code}\n" for code in codes)
    edit(catalog / P4, "market_pay: pending\n", f"market_pay: pending\nadjacent_roles:\n{entries}")


def entry_lines(catalog) -> list[int]:
    start = line_of(catalog / P4, "adjacent_roles:")
    lines = (catalog / P4).read_text(encoding="utf-8").splitlines()
    return [n for n in range(start + 1, len(lines) + 1) if lines[n - 1].startswith("  - code: ")]


def test_each_case_at_its_entry(run, catalog):
    pin(catalog, "AIMLAM.GEN.P5", "AIMLAM.GEM.P3", "AIMLAM.GEN.P4", "AIMLAM.GEN.P5", "FINOPS.TAX.M2")
    first, typo, itself, again, unknown = entry_lines(catalog)
    result = run("lint", P4, *AS_OF, cwd=catalog)
    assert result.code == 0, result  # warnings; --strict fails on them
    assert result.out.splitlines() == [
        f"{P4}:{typo}:11: JD105 warning adjacent role AIMLAM.GEM.P3 is not in the catalog "
        "(did you mean 'AIMLAM.GEN.P3' or 'AIMLAM.GEN.P1' or 'AIMLAM.GEN.P2'?)",
        f"{P4}:{itself}:11: JD105 warning adjacent role AIMLAM.GEN.P4 is this profile itself "
        "(remove the entry; a role is not its own neighbour)",
        f"{P4}:{again}:11: JD105 warning adjacent role AIMLAM.GEN.P5 is listed twice, first at line {first} "
        "(remove one of them)",
        f"{P4}:{unknown}:11: JD105 warning adjacent role FINOPS.TAX.M2 is not in the catalog "
        "(run `jdgen list` to see the codes)",
    ]
    assert run("lint", P4, "--strict", *AS_OF, cwd=catalog).code == 1


def test_the_profile_itself_is_never_the_suggestion(run, catalog):
    for path in (catalog / "roles").glob("*.yaml"):
        if path.name != "AIMLAM.GEN.P4.yaml":
            path.unlink()
    pin(catalog, "AIMLAM.GEN.P5")
    result = run("lint", "--select", "JD105", *AS_OF, cwd=catalog)
    (n,) = entry_lines(catalog)
    assert result.out == (f"{P4}:{n}:11: JD105 warning adjacent role AIMLAM.GEN.P5 is not in the catalog "
                          "(run `jdgen list` to see the codes)\n")


def test_a_repeated_unknown_code_is_named_unknown_once(run, catalog):
    pin(catalog, "AIMLAM.GEN.P9", "AIMLAM.GEN.P9")
    first, again = entry_lines(catalog)
    result = run("lint", P4, "--select", "JD105", *AS_OF, cwd=catalog)
    assert [line.split(": JD105 warning ")[1].split(" (")[0] for line in result.out.splitlines()] == [
        "adjacent role AIMLAM.GEN.P9 is not in the catalog",
        f"adjacent role AIMLAM.GEN.P9 is listed twice, first at line {first}",
    ]
    assert f":{again}:11:" in result.out.splitlines()[1]


def test_known_codes_pass(run, catalog):
    pin(catalog, "AIMLAM.GEN.P3", "AIMLAM.GEN.P5", "AIMLAM.NLP.P3")
    result = run("lint", P4, "--strict", "--select", "JD105", *AS_OF, cwd=catalog)
    assert (result.code, result.out) == (0, ""), result
