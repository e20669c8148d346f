"""Wording judged in its sentence and posting: a welcome beside "fresh graduates", a clearance that
makes citizenship lawful, headphones offered rather than frowned on, a company's short name, and a
route into the job that asks for no experience at all (JD301)."""

from __future__ import annotations

import re
from pathlib import Path

AS_OF = ("--as-of", "2026-11-23")


def _lint(run, tmp_path: Path, body: str, *options: str, select: str = "JD5"):
    (tmp_path / "posting.md").write_text("# Gameplay Programmer at Rockstar Games\n\n" + body, encoding="utf-8")
    return run("lint", "posting.md", "--select", select, *options, *AS_OF, cwd=tmp_path)


def _places_and_words(result, code: str) -> list[tuple[str, str]]:
    """(file:line:col, the quoted words) of each printed finding of ``code``."""
    return [(line.split(f" {code} ")[0], line.split("'")[1]) for line in result.out.splitlines()]


def test_fresh_graduates_required_is_reported_but_welcomed_is_not(run, tmp_path):
    result = _lint(run, tmp_path, "- Ideal for fresh graduates.\n"
                                  "- Fresh graduates or interns who can commit full-time are welcome to apply.\n"
                                  "- Walk-in for Freshers.\n")
    assert result.code == 0
    assert [line.split(" warning ")[0] for line in result.out.splitlines()] == [
        "posting.md:3:13: JD508", "posting.md:5:11: JD508"]
    assert result.out.splitlines()[0] == (
        "posting.md:3:13: JD508 warning 'fresh graduates': Asking for people who have just graduated pictures a "
        "young hire and turns away experienced people and career changers (ADEA §4(e)). (try 'entry-level', or "
        "the actual skill: 'knowledge of statistics'; --ignore JD508:recent-graduate leaves this row out)")


def test_citizenship_is_reported_unless_the_posting_names_the_clearance_that_needs_it(run, tmp_path):
    result = _lint(run, tmp_path, "- U.S. citizenship is required.\n")
    assert result.out.splitlines() == [
        "posting.md:3:3: JD502 warning 'U.S. citizenship is required': Requiring a citizenship or domicile, not "
        "only the right to work, excludes lawful workers by national origin; in the US it is allowed only where a "
        "law, regulation or government contract demands it. (try 'must be authorised to work <country>', or name "
        "the law or clearance that requires citizenship; --ignore JD502:citizenship-gate leaves this row out)"
        .replace("work <", "work in <")]
    cleared = _lint(run, tmp_path, "- U.S. citizenship is required.\n- Security clearance level: Secret\n")
    assert cleared.out == "" and cleared.code == 0


def test_headphones_pictured_as_a_fault_are_reported_and_offered_are_not(run, tmp_path):
    result = _lint(run, tmp_path, "We don't want someone who puts their headphones on for three days.\n\n"
                                  "Feel free to put your headphones on when you need focus.\n")
    assert result.out.splitlines() == [
        "posting.md:3:27: JD510 warning 'puts their headphones on': Picturing headphones as a fault rules out "
        "people who need them to work among noise (autistic people, people with ADHD or sensory processing "
        "differences). (try describe the collaboration you need, e.g. 'pairing sessions most mornings'; "
        "--ignore JD510:headphones-frowned-on leaves this row out)"]


def test_a_label_turned_down_is_not_a_call_for_it(run, tmp_path):
    result = _lint(run, tmp_path, "Not looking for a rockstar ;) We're not interested in hiring 'ninjas' either.\n\n"
                                  "We need a guru.\n")
    assert [line.split(" warning ")[0] for line in result.out.splitlines()] == ["posting.md:5:11: JD502"]


def test_the_companys_short_name_is_allowed_only_as_written(run, tmp_path):
    result = _lint(run, tmp_path, "You coordinate with other Rockstar studios. We still want a rockstar.\n")
    assert [line.split(" warning ")[0] for line in result.out.splitlines()] == ["posting.md:3:61: JD502"]


def test_sex_stated_as_a_qualification_and_age_limits(run, tmp_path):
    result = _lint(run, tmp_path, "- Qualification: Female with fluent English\n- Age : 18 to 30\n"
                                  "- Experience: maximum 6 years\n- A great place for his best future.\n"
                                  "- You will join a young, winning and regional team.\n")
    assert result.code == 1   # JD506 is an error
    codes = [(line.split(": ")[0], line.split(" ")[1], line.split("'")[1]) for line in result.out.splitlines()]
    assert codes == [
        ("posting.md:3:3", "JD506", "Qualification: Female"),
        ("posting.md:4:3", "JD508", "Age : 18 to 30"),
        ("posting.md:5:3", "JD508", "Experience: maximum 6 years"),
        ("posting.md:6:21", "JD507", "his best future"),
        ("posting.md:7:19", "JD508", "young, winning and regional team"),
    ]


def test_a_route_that_asks_for_no_experience_is_below_a_senior_level(run, tmp_path):
    result = _lint(run, tmp_path, "- At least 5 years of development experience or you're a genius coder straight "
                                  "out of university.\n", "--level", "P4", select="JD301")
    assert result.out.splitlines() == [
        "posting.md:3:71: JD301 warning asks for 0 years ('straight out of university'), below P4's 5–8 years "
        "(state 5–8 years, or move the role to a lower level)"]
    entry = _lint(run, tmp_path, "- At least 5 years of development experience or you're a genius coder straight "
                                 "out of university.\n", "--level", "P1", select="JD301")
    assert entry.out == ""   # at an entry level the 5 years are one route, and no years is the other


def test_an_age_label_is_reported_with_its_limit_and_a_minimum_is_not(run, tmp_path):
    result = _lint(run, tmp_path, "Age Limit (as of 2025-07-01)\n\n- Minimum: 18 years\n- Maximum: 35 years\n"
                                  "- Age Range: N/A - 56 years\n- Between 18 and 27 years.\n"
                                  "- Candidates should have reached their 18th birthday and should not have reached "
                                  "their 48th birthday.\n- A degree not earned earlier than 2014.\n")
    assert [(line.split(": ")[0], line.split(" ")[1], line.split("'")[1]) for line in result.out.splitlines()] == [
        ("posting.md:6:3", "JD508", "Maximum: 35 years"),
        ("posting.md:7:3", "JD508", "Age Range: N/A - 56 years"),
        ("posting.md:8:3", "JD508", "Between 18 and 27 years"),
        ("posting.md:9:65", "JD508", "not have reached their 48th birthday"),
        ("posting.md:10:12", "JD508", "not earned earlier than 2014"),
    ]


def test_a_preference_for_one_sex_is_reported_unless_the_sentence_names_an_equity_ground(run, tmp_path):
    result = _lint(run, tmp_path, "Due to the operational requirements of the role, preference will be given to "
                                  "female applicants.\n\nPreference will be given to women and persons with "
                                  "disabilities in line with the employment equity plan.\n\n"
                                  "- Polite and tech-savvy female.\n- Open to male and female.\n")
    assert [(line.split(": ")[0], line.split(" ")[1], line.split("'")[1]) for line in result.out.splitlines()] == [
        ("posting.md:3:50", "JD506", "preference will be given to female applicants"),
        ("posting.md:7:25", "JD506", "female"),
    ]


def test_a_fitness_line_tied_to_the_labour_it_names_is_not_reported(run, tmp_path):
    result = _lint(run, tmp_path, "- Physically strong and healthy to perform hard labour\n- Good physical health.\n",
                   select="JD503")
    assert result.out == (
        "posting.md:4:3: JD503 warning 'Good physical health': General health rules screen out disabled "
        "and chronically ill people. (try list the essential physical tasks, if any; "
        "--ignore JD503:good-health leaves this row out)\n")


def test_fitness_is_a_physical_job_s_own_demand_but_health_is_asked_of_no_job(run, tmp_path):
    """Held-out reviewers let "Physically fit" pass for a head gardener and flagged a custodian's
    "good emotional and physical health": fitness can be the work, health never is."""
    body = "- Physically fit.\n- Possess good emotional and physical health.\n"
    (tmp_path / "posting.md").write_text("# Head Gardener\n\n" + body, encoding="utf-8")
    gardener = run("lint", "posting.md", "--select", "JD503", *AS_OF, cwd=tmp_path)
    assert [line.split("'")[1] for line in gardener.out.splitlines()] == ["good emotional and physical health"]
    (tmp_path / "posting.md").write_text("# Senior Data Analyst\n\n" + body, encoding="utf-8")
    analyst = run("lint", "posting.md", "--select", "JD503", *AS_OF, cwd=tmp_path)
    assert [line.split("'")[1] for line in analyst.out.splitlines()] == ["Physically fit",
                                                                          "good emotional and physical health"]


def test_a_beer_perk_denied_is_not_reported_and_not_all_free_beer_still_is(run, tmp_path):
    result = _lint(run, tmp_path, "There is no free beer here.\n\nIt's not all ping pong tables and free beer.\n")
    assert [line.split(" warning ")[0] for line in result.out.splitlines()] == ["posting.md:5:35: JD509"]


def test_labels_for_the_hire_and_culture_fit_as_a_verb(run, tmp_path):
    result = _lint(run, tmp_path, "- You're a hacker.\n- Learn fast, can quickly fit into startup pace and team "
                                  "culture\n- Show that you are an energetic, outgoing, fun person\n"
                                  "- Report absences to his immediate supervisor\n- Tradesmen may apply\n"
                                  "- You are unafraid of embracing unknown challenges\n")
    # the quoted text as Python's repr writes it: "You're a hacker" in double quotes
    quoted = re.compile(r"(\S+): (JD\d+) warning (['\"])(.*?)\3[: ]")
    assert [quoted.match(line).group(1, 2, 4) for line in result.out.splitlines()] == [
        ("posting.md:3:3", "JD502", "You're a hacker"),
        ("posting.md:4:27", "JD502", "fit into startup pace and team culture"),
        ("posting.md:5:35", "JD510", "outgoing, fun person"),
        ("posting.md:6:22", "JD507", "his immediate supervisor"),
        ("posting.md:7:3", "JD507", "Tradesmen"),
        ("posting.md:8:11", "JD501", "unafraid"),
    ]


def test_a_trait_in_the_company_s_own_we_sentence_is_not_asked_of_the_hire(run, tmp_path):
    """Reviewers left "Independent: We speak out fearlessly" (a charity's value) and "We are
    aggressively scaling": the company speaks of itself. Once the sentence turns to the person it
    wants, the word is asked of the hire again."""
    result = _lint(run, tmp_path, "- Independent: We speak out fearlessly.\n"
                                  "- We are aggressively scaling our platform.\n"
                                  "- We want a fearless engineer.\n"
                                  "- We're looking for someone assertive.\n"
                                  "- Athletics: maintain the athletic fields for all athletics seasons.\n"
                                  "- You are fearless. We are fearless too.\n", select="JD501")
    assert _places_and_words(result, "JD501") == [
        ("posting.md:5:13:", "fearless"), ("posting.md:6:29:", "assertive"), ("posting.md:8:11:", "fearless")]


def test_a_trait_after_an_imperative_be_in_a_we_sentence_is_asked_of_the_hire(run, tmp_path):
    """Both readers of held-out set 50 flagged "so be fast & fearless!" (075: the company's "We"
    sentence turns to the applicant at the comma); a "be" with no comma before it, or "We will be
    fearless", stays the company's voice."""
    result = _lint(run, tmp_path, "We conduct interviews on a first-come, first-served basis, so be fast & fearless!\n\n"
                                  "- We grow quickly; be assertive about your ideas.\n"
                                  "- We will be fearless in our pursuit of change.\n"
                                  "- We speak out fearlessly, and we listen.\n", select="JD501")
    assert _places_and_words(result, "JD501") == [
        ("posting.md:3:73:", "fearless"), ("posting.md:5:23:", "assertive")]


def test_a_trait_of_the_company_s_doing_or_of_others_rights_is_not_asked_of_the_hire(run, tmp_path):
    """Both readers of held-out set 18 left "they are expanding aggressively" (003: the company's
    growth, told in the third person) and "asserting their ancestral rights" (229: communities
    claiming a right); the hire's own manner and temperament are still reported."""
    result = _lint(run, tmp_path, "- Since 2023 they are expanding aggressively across Africa.\n"
                                  "- The company is aggressively hiring engineers.\n"
                                  "- Support communities in asserting their ancestral rights.\n"
                                  "- You're comfortable both aggressively collaborating or working alone.\n"
                                  "- You are assertive in meetings.\n", select="JD501")
    assert _places_and_words(result, "JD501") == [
        ("posting.md:6:27:", "aggressively"), ("posting.md:7:11:", "assertive")]



def test_a_trait_after_the_company_s_we_in_a_clause_is_not_asked_of_the_hire(run, tmp_path):
    """Both readers of held-out set 42 left "as we aggressively scale the business" (060: the
    company's pace, in a clause of a line about the hire's work); the hire's manner is still read."""
    result = _lint(run, tmp_path, "- Build new processes as we aggressively scale the business.\n"
                                  "- Improve processes while we're aggressively growing.\n"
                                  "- You aggressively pursue every lead.\n", select="JD501")
    assert _places_and_words(result, "JD501") == [("posting.md:5:7:", "aggressively")]


def test_a_trait_after_we_and_a_hiring_verb_is_asked_of_the_hire(run, tmp_path):
    """"We are seeking aggressive salespeople" names whom the company hires, not its own pace;
    so does the company "seeking" them in the third person."""
    result = _lint(run, tmp_path, "We are seeking aggressive salespeople.\n\n"
                                  "We're hiring dominant closers.\n\n"
                                  "We are growing aggressively and we are aggressive about quality.\n\n"
                                  "The company is seeking aggressive salespeople; the company is growing aggressively.\n",
                   select="JD501")
    assert _places_and_words(result, "JD501") == [("posting.md:3:16:", "aggressive"),
                                                   ("posting.md:5:14:", "dominant"),
                                                   ("posting.md:9:24:", "aggressive")]


def test_an_employment_equity_table_is_not_a_sex_restriction(run, tmp_path):
    """South Africa's EE notation lists each designated group by population group and sex as the
    employer's targets (held-out set 10, a City of Tshwane notice); the same words outside it, or
    a sex asked for with a comma after it, are still reported."""
    table = "".join(f"- {group} {sex}\n" for group in ("African", "Coloured", "Indian", "White")
                    for sex in ("female", "male"))
    result = _lint(run, tmp_path, "This position seeks to attract\n\n" + table + "- All categories\n", select="JD506")
    assert result.out == "" and result.code == 0
    result = _lint(run, tmp_path, "- Indian female with fluent English\n"
                                  "- Well-spoken Afrikaans speaking female, preferably aged 30-50\n", select="JD506")
    assert [line.split(" JD506 ")[0] for line in result.out.splitlines()] == ["posting.md:3:3:", "posting.md:4:34:"]


def test_a_nationality_line_is_reported_unless_the_post_is_recruited_locally(run, tmp_path):
    """A bare "Nationality: Afghan" names no lawful ground; a locally engaged post is a staff
    category that its rules fill with nationals (held-out set 10: 322 and 144)."""
    result = _lint(run, tmp_path, "- Nationality: Afghan\n- Be a citizen of the United States\n", select="JD502")
    assert [line.split("'")[1] for line in result.out.splitlines()] == [
        "Nationality: Afghan", "Be a citizen of the United States"]
    local = _lint(run, tmp_path, "- Job Type: Locally Engaged Staff (Timor-Leste nationals only)\n"
                                 "- Nationality: Timorese\n", select="JD502")
    assert local.out == "" and local.code == 0


def test_a_bare_upper_bound_is_an_age_limit_only_in_a_posting_that_speaks_of_age(run, tmp_path):
    """"Not exceeding 35 years." under an "Age limit" heading is a ceiling on age (held-out set 11,
    234); the same words in a posting that never speaks of age may be anything, and are left."""
    aged = _lint(run, tmp_path, "## Age limit\n\nNot  exceeding  35  years.\n", select="JD508")
    assert [line.split("'")[1] for line in aged.out.splitlines()] == ["Not exceeding 35 years"]
    unaged = _lint(run, tmp_path, "## Terms\n\nNot  exceeding  35  years.\n", select="JD508")
    assert unaged.out == "" and unaged.code == 0
    relaxed = _lint(run, tmp_path, "## Age limit\n\nRelaxable by 5 years, so not exceeding 40 years for SC/ST.\n",
                    select="JD508")
    assert relaxed.out == "" and relaxed.code == 0


def test_a_public_employer_s_citizenship_line_and_young_people_it_serves_are_left(run, tmp_path):
    """Held-out set 11: a scheme-of-service grade's "Be a Kenyan citizen" (031), and "adolescent
    girls, boys, young people" an NGO works with (254); "young Nigerians" it recruits are the hire."""
    public = _lint(run, tmp_path, "For appointment to this grade, an officer must have;\n\n- Be a Kenyan citizen;\n",
                   select="JD502")
    assert public.out == "" and public.code == 0
    served = _lint(run, tmp_path, "We focus our interventions on adolescent girls, boys, young people.\n\n"
                                  "We request applications from young Nigerians.\n", select="JD508")
    assert [line.split("'")[1] for line in served.out.splitlines()] == ["young Nigerians"]


def test_drink_as_the_work_is_read_from_the_title_only(run, tmp_path):
    """A Junior Sommelier attends wine tastings to learn the list (held-out set 21's 103, both readers
    left it); a developer's team tastings stay reported, whatever the body says about drink."""
    body = "- Attending wine tastings and training sessions to deepen knowledge.\n"
    (tmp_path / "posting.md").write_text("# Junior Sommelier\n\n" + body, encoding="utf-8")
    sommelier = run("lint", "posting.md", "--select", "JD509", *AS_OF, cwd=tmp_path)
    assert sommelier.out == ""
    (tmp_path / "posting.md").write_text("# Senior Developer\n\n" + body + "- Our sommelier friends visit.\n",
                                         encoding="utf-8")
    developer = run("lint", "posting.md", "--select", "JD509", *AS_OF, cwd=tmp_path)
    assert [line.split("'")[1] for line in developer.out.splitlines()] == ["wine tastings"]


def test_a_minimum_age_is_left_for_a_sworn_officers_post_named_in_the_title(run, tmp_path):
    """`unless_title`: the title states the ground (a peace-officer law) for a minimum age of 21;
    the same line under another title is reported, and a ceiling under a police title still is."""
    body = "## Requirements\n\n- Must be at least 21 years of age at date of hire.\n"
    for title, reported in (("Police Recruit (Police Officer Trainee)", False), ("Line Cook", True)):
        (tmp_path / "posting.md").write_text(f"# {title}\n\n{body}", encoding="utf-8")
        result = run("lint", "posting.md", "--select", "JD508", *AS_OF, cwd=tmp_path)
        assert (" JD508 " in result.out) is reported, title
    (tmp_path / "posting.md").write_text("# Police Officer\n\n- At least 21 years old but not more than 30 years old\n",
                                         encoding="utf-8")
    result = run("lint", "posting.md", "--select", "JD508", *AS_OF, cwd=tmp_path)
    assert "'not more than 30 years old'" in result.out


def test_a_minimum_age_of_21_is_left_where_the_posting_asks_for_a_class_a_cdl(run, tmp_path):
    """`ground_in_posting` with `ground_for`: a Class A CDL asked for on another line makes a floor of
    21 the federal minimum for interstate commercial driving (held-out set 52's 078, neither reader
    flagged it); a carrier's floor of 23 beside the same licence, and a 21 with a Class B licence,
    are still reported."""
    title = "# Tolleson - Regional Drivers\n\n## Requirements\n\n"
    for body, reported in (("- At least 21 years old\n- CDL-A with 1 year of tractor trailer experience\n", None),
                           ("- At least 23 years old\n- CDL-A with 1 year of tractor trailer experience\n",
                            "23 years old"),
                           ("- At least 21 years old\n- Obtain class B CDL w/ P & S endorsements\n", "21 years old")):
        (tmp_path / "posting.md").write_text(title + body, encoding="utf-8")
        result = run("lint", "posting.md", "--select", "JD508", *AS_OF, cwd=tmp_path)
        assert [line.split("'")[1] for line in result.out.splitlines()] == ([reported] if reported else []), body


def test_an_age_band_of_15_to_30_is_left_where_the_posting_names_canada_summer_jobs(run, tmp_path):
    """`ground_in_posting` with `ground_for`: the Canada Summer Jobs programme's own band, stated as
    the grant's requirements on another line (held-out set 54's 091, neither reader flagged it); a
    different band beside the same programme, and the band where no programme is named, are still
    reported."""
    title = "# Summer Web Developer Intern\n\n"
    grant = ("Please note that we have applied for funding under the Canada Summer Jobs Program, if we are "
             "approved, the following requirements will apply.\n\n")
    for body, reported in ((grant + "- Aged 15-30\n", None), (grant + "- Aged 18-25\n", "Aged 18-25"),
                           ("## Requirements\n\n- Aged 15-30\n", "Aged 15-30")):
        (tmp_path / "posting.md").write_text(title + body, encoding="utf-8")
        result = run("lint", "posting.md", "--select", "JD508", *AS_OF, cwd=tmp_path)
        assert [line.split("'")[1] for line in result.out.splitlines()] == ([reported] if reported else []), body


def test_a_scheme_that_targets_youth_is_reported_only_when_the_title_names_the_scheme(run, tmp_path):
    """`when_title`: "This initiative targets unemployed local youth" limits the applicants of an
    apprenticeship the title names; under a project coordinator's title it is the public served."""
    body = "Applications are invited. This initiative targets unemployed local youth.\n"
    for title, reported in (("Electrical Apprenticeship Program 2025", True), ("Project Coordinator", False)):
        (tmp_path / "posting.md").write_text(f"# {title}\n\n{body}", encoding="utf-8")
        result = run("lint", "posting.md", "--select", "JD508", *AS_OF, cwd=tmp_path)
        assert ("'targets unemployed local youth'" in result.out) is reported, title


def test_a_trait_among_the_values_a_workplace_is_built_on_is_the_company_s(run, tmp_path):
    """Both readers of held-out set 27's 171 left "fearlessness" in "A work environment built on
    trust, ... fearlessness, kindness and respect": the culture's values, not a trait asked of the
    hire. The same word asked of the person after the sentence ends is still reported."""
    result = _lint(run, tmp_path, "- A work environment built on trust, curiosity, fearlessness and respect\n"
                                  "- Our culture is founded on assertiveness and care.\n"
                                  "- Assertiveness\n", select="JD501")
    assert _places_and_words(result, "JD501") == [
        ("posting.md:5:3:", "Assertiveness")]


def test_a_trait_named_as_a_skill_the_programme_teaches_is_not_asked(run, tmp_path):
    """Both readers of held-out set 31's 026 left "assertive" in "graduates will also gain personal
    and professional skills such as assertive communication": a skill taught, not a trait asked.
    The word asked of the person, with no verb of being taught, is still reported."""
    result = _lint(run, tmp_path, "- Graduates will gain personal and professional skills such as assertive communication, public speaking and etiquette.\n"
                                  "- You will learn skills like teamwork, assertive negotiation and planning.\n"
                                  "- An assertive communication style\n"
                                  "- Skills such as assertive communication\n", select="JD501")
    assert _places_and_words(result, "JD501") == [
        ("posting.md:5:6:", "assertive"), ("posting.md:6:18:", "assertive")]


def test_an_opinionated_hire_is_masculine_coded_but_an_opinion_is_not(run, tmp_path):
    """Held-out set 33's 089, both readers: the paper's "Opinion" made a trait of the person."""
    result = _lint(run, tmp_path, "- You're opinionated about code.\n- Share your opinion in reviews.\n",
                   select="JD501")
    assert [line.split(" warning ")[0] for line in result.out.splitlines()] == ["posting.md:3:10: JD501"]


def test_the_employers_name_in_the_title_is_not_counted_in_the_balance(run, tmp_path):
    """Held-out set 33's 108: 'defenders' counted seven times from "Justice Defenders"."""
    body = ("Justice Defenders is recruiting. Justice Defenders Trainees work across Justice Defenders. "
            "Join Justice Defenders and work independently with intellectual rigour.\n")
    (tmp_path / "posting.md").write_text("# Legal Trainees at Justice Defenders\n\n" + body, encoding="utf-8")
    named = run("lint", "posting.md", "--select", "JD505", *AS_OF, cwd=tmp_path)
    assert named.out == ""
    (tmp_path / "posting.md").write_text("# Legal Trainees\n\n" + body, encoding="utf-8")
    unnamed = run("lint", "posting.md", "--select", "JD505", *AS_OF, cwd=tmp_path)
    assert "'defenders' ×4" in unnamed.out


def test_a_trait_word_of_a_situation_or_grounds_is_not_asked_of_the_hire(run, tmp_path):
    """Both readers of held-out set 35 left "hostile situations" (062, a park ranger defusing them)
    and "athletic and municipal facilities" (040, the grounds a parks worker keeps): the word says
    what the situation or the place is. Said of the person, it is still reported."""
    result = _lint(run, tmp_path, "- Experience defusing hostile situations with tact and diplomacy.\n"
                                  "- Upkeep of a variety of athletic and municipal facilities.\n"
                                  "- An athletic person who is hostile to change.\n"
                                  "- You are athletic and hostile in the field.\n", select="JD501")
    assert _places_and_words(result, "JD501") == [
        ("posting.md:5:6:", "athletic"), ("posting.md:5:29:", "hostile"),
        ("posting.md:6:11:", "athletic"), ("posting.md:6:24:", "hostile")]


def test_a_trait_word_of_the_people_the_work_meets_is_not_asked_of_the_hire(run, tmp_path):
    """Both readers of held-out set 80's 042 left "possible exposure to individuals who are hostile
    or irate" (a rail authority's working conditions): the word says what the people met may be.
    Without a verb of meeting them, or said of the hire's own kind, it is still reported."""
    result = _lint(run, tmp_path, "- Possible exposure to individuals who are hostile or irate.\n"
                                  "- Experience dealing with hostile customers.\n"
                                  "- Able to calm patients who may become aggressive.\n"
                                  "- We seek individuals who are fearless.\n"
                                  "- Hiring aggressive salespeople now.\n", select="JD501")
    assert [word for _, word in _places_and_words(result, "JD501")] == ["fearless", "aggressive"]
    assert [place[:13] for place, _ in _places_and_words(result, "JD501")] == ["posting.md:6:", "posting.md:7:"]


def test_courts_kept_questions_invited_and_behaviour_avoided_are_not_traits_of_the_hire(run, tmp_path):
    """Both readers of held-out set 36 left "athletic courts" (050, a park's courts kept), "unafraid
    to ask obvious questions" (093, questions invited) and "avoiding aggressive behavior" (142, what
    a lifeguard keeps from). The same words asked of the person are still reported."""
    result = _lint(run, tmp_path, "- Perform maintenance of ball fields and athletic courts.\n"
                                  "- Unafraid to ask obvious questions.\n"
                                  "- Controlling anger, and avoiding aggressive behavior.\n"
                                  "- You are athletic, unafraid to challenge and aggressive.\n", select="JD501")
    assert [words for _, words in _places_and_words(result, "JD501")] == ["athletic", "unafraid", "aggressive"]
    assert all(place.startswith("posting.md:6:") for place, _ in _places_and_words(result, "JD501"))


def test_a_trait_word_before_to_learn_is_not_asked(run, tmp_path):
    """Both readers of held-out set 45's 080 left "Unafraid to learn new languages or new tools" (a
    junior engineer's will to learn). The word before "to challenge" or of the person stays read."""
    result = _lint(run, tmp_path, "- Unafraid to learn new languages or new tools\n"
                                  "- Unafraid to challenge the status quo\n"
                                  "- A fearless engineer who loves to learn\n", select="JD501")
    assert [word for _, word in _places_and_words(result, "JD501")] == ["Unafraid", "fearless"]
    assert [place[:13] for place, _ in _places_and_words(result, "JD501")] == ["posting.md:4:", "posting.md:5:"]


def test_a_trait_of_the_people_a_company_works_with_is_not_asked_of_the_hire(run, tmp_path):
    """Both readers of held-out set 48's 017 left "courageous" in "products in collaboration with some
    of the world's most talented, curious, and courageous designers": the company's partner
    designers. The hire told to be courageous beside a collaboration, and a trait with no partners
    named after it, stay read."""
    result = _lint(run, tmp_path, "HAY’s vision is to create products in collaboration with some of the world’s most "
                                  "talented, curious, and courageous designers.\n\n"
                                  "The studio partners with fearless brands across Europe.\n\n"
                                  "You will collaborate with stakeholders and be courageous in your choices.\n\n"
                                  "We partner with you to find courageous designers.\n\n"
                                  "Work in collaboration with a fearless mindset.\n", select="JD501")
    assert [word for _, word in _places_and_words(result, "JD501")] == ["courageous", "courageous", "fearless"]


def test_a_trait_of_a_person_who_was_is_not_asked_of_the_hire(run, tmp_path):
    """Both readers of held-out set 55's 035 left "courageous" in "She was  courageous and
    inspirational and blazed a trail as a female leader": the colleague the programme is named for.
    The hire told in the present or future as "she" or "he", and a trait after another subject's
    "was", stay read."""
    result = _lint(run, tmp_path, "Sally O’Neill was described by Michael D. Higgins, President of Ireland, as “the "
                                  "greatest gift”. She was  courageous and inspirational and blazed a trail.\n\n"
                                  "He was kind, bold and fearless.\n\n"
                                  "She will be fearless in client meetings.\n\n"
                                  "He is aggressive in negotiations.\n\n"
                                  "The last engineer was fearless.\n", select="JD501")
    assert [word for _, word in _places_and_words(result, "JD501")] == ["fearless", "aggressive", "fearless"]
    assert [place[:13] for place, _ in _places_and_words(result, "JD501")] == [
        "posting.md:7:", "posting.md:9:", "posting.md:11"]


def test_a_trait_word_opening_a_capitalised_name_inside_a_sentence_is_not_asked(run, tmp_path):
    """Both readers of held-out set 38's 080 left "Fearless" in "Morgridge’s goals of Fearless
    Science": an institute's slogan. An item's first word and a title-case heading stay read."""
    result = _lint(run, tmp_path, "Work aligned with Morgridge’s goals of Fearless Science.\n\n"
                                  "- Fearless use of namespaces\n\n"
                                  "## Hiring an Aggressive Sales Rep\n\n"
                                  "We want a fearless engineer.\n", select="JD501")
    assert [word for _, word in _places_and_words(result, "JD501")] == ["Fearless", "Aggressive", "fearless"]


def test_a_trait_listed_under_skills_a_programme_gives_is_not_asked(run, tmp_path):
    """Both readers of held-out set 38's 012 left "Assertiveness" in the list after "The Passport To
    Success program gives interns the following key soft skills, among others:". A list after a
    sentence of what the hire has stays asked."""
    result = _lint(run, tmp_path, "The program gives interns the following key soft skills, among others:\n\n"
                                  "- Goal-setting\n- Assertiveness\n\n"
                                  "You will have the following skills:\n\n- Assertiveness\n", select="JD501")
    assert _places_and_words(result, "JD501") == [("posting.md:10:3:", "Assertiveness")]


def test_a_list_whose_lead_in_names_teaching_as_a_skill_asked_stays_asked(run, tmp_path):
    """"Teaching skills" and "experience in training and the following skills" name what the hire
    must bring (a nursing professor's "Required teaching and practice knowledge, experience and
    skills:"); only a programme teaching someone ("training interns in these skills:") leaves its
    list unasked."""
    result = _lint(run, tmp_path, "Required teaching and practice knowledge, experience and skills:\n\n"
                                  "- Assertiveness\n\n"
                                  "You need experience in training and the following skills:\n\n- Assertiveness\n\n"
                                  "The scheme is training interns in these skills:\n\n- Assertiveness\n", select="JD501")
    assert _places_and_words(result, "JD501") == [("posting.md:5:3:", "Assertiveness"),
                                                   ("posting.md:9:3:", "Assertiveness")]


def test_a_trait_of_the_organisation_in_a_relative_clause_is_not_asked_of_the_hire(run, tmp_path):
    """Both readers of held-out set 46 left "a ... responsible organization, which is unafraid to
    challenge injustice" (057: the organisation's own voice about itself); a candidate "who is
    unafraid" and an organisation "seeking fearless leaders" are still the hire's."""
    result = _lint(run, tmp_path, "- Guard our reputation as a responsible organization, which is unafraid to challenge injustice.\n"
                                  "- We want a candidate who is unafraid to challenge the status quo.\n"
                                  "- Join an organization which is seeking fearless leaders.\n", select="JD501")
    assert _places_and_words(result, "JD501") == [
        ("posting.md:4:30:", "unafraid"), ("posting.md:5:41:", "fearless")]


def test_a_peoples_nationals_closing_the_title_are_read_not_taken_for_the_employer(run, tmp_path):
    """A title segment that names no job is read as the employer's name and never reported; one that
    closes on a people's nationals or candidates says who may apply (held-out set 49's 025, 079)."""
    for title, quoted in (("Operational Support Executive (F&B Service Division) - UAE National", "National"),
                          ("Senior QA Engineer (Automation Test) - Vietnamese Candidates", "Candidates")):
        (tmp_path / "posting.md").write_text(f"# {title}\n\nJoin our team.\n", encoding="utf-8")
        result = run("lint", "posting.md", "--select", "JD502", *AS_OF, cwd=tmp_path)
        assert [words for _, words in _places_and_words(result, "JD502")] == [quoted], result.out
    (tmp_path / "posting.md").write_text("# Sales Executive - Emirates Group\n\nOnly for Omani Nationals\n",
                                         encoding="utf-8")
    assert run("lint", "posting.md", "--select", "JD502", *AS_OF, cwd=tmp_path).out == ""


def test_a_start_ups_label_for_the_hire_closing_the_title_is_read_not_taken_for_the_employer(run, tmp_path):
    """"Startup Trailblazer" after the job names the hire, not the employer (held-out set 51's 006);
    a company's name made of a label ("Code Ninja - Rails Developer") is still a name."""
    (tmp_path / "posting.md").write_text("# Senior Full Stack Developer - Startup Trailblazer\n\nJoin our team.\n",
                                         encoding="utf-8")
    result = run("lint", "posting.md", "--select", "JD502", *AS_OF, cwd=tmp_path)
    assert [words for _, words in _places_and_words(result, "JD502")] == ["Trailblazer"], result.out
    (tmp_path / "posting.md").write_text("# Code Ninja - Rails Developer - Saigon\n\nJoin our team.\n",
                                         encoding="utf-8")
    assert run("lint", "posting.md", "--select", "JD502", *AS_OF, cwd=tmp_path).out == ""


def test_a_sex_closing_the_title_is_no_employer_name_and_hides_nothing(run, tmp_path):
    """"Female" after the job's dash (held-out set 63's 074) says who may apply: the title's reading
    does not take it for the employer's name, so the same word elsewhere in the posting is still
    read, while a real name closing a title ("Code Ninja") stays unreported."""
    from jdgen.lint.posting_files import employer_names

    assert employer_names("Executive Housekeeper - Female") == ()
    assert employer_names("Cabin Crew Agent - Women") == ()
    assert employer_names("Sales Executive - Female Futures") == ("Female Futures",)
    (tmp_path / "posting.md").write_text("# Executive Housekeeper - Female\n\nWho may apply:\n\n- Female\n",
                                         encoding="utf-8")
    result = run("lint", "posting.md", "--select", "JD506", *AS_OF, cwd=tmp_path)
    assert _places_and_words(result, "JD506") == [("posting.md:1:13:", "Housekeeper - Female"),
                                                  ("posting.md:5:3:", "Female")], result.out


def test_a_couple_opening_the_title_says_who_may_apply_not_the_employer(run, tmp_path):
    """"Management Couple - General Manager" opens a post only couples may take (held-out set 51's
    051): the segment is read, not taken for the employer's name."""
    (tmp_path / "posting.md").write_text("# Management Couple - General Manager\n\nRun the lodge.\n",
                                         encoding="utf-8")
    result = run("lint", "posting.md", "--select", "JD502", *AS_OF, cwd=tmp_path)
    assert [words for _, words in _places_and_words(result, "JD502")] == ["Management Couple"], result.out


def test_the_employers_name_in_an_about_heading_or_its_equal_opportunity_line_is_not_reported(run, tmp_path):
    """Both readers of held-out set 61's 050 left "Hero" in "Be A Hero", a PAC's own name, given by
    its heading "About Be a Hero/Be A Hero Action Fund" and its line "Be A Hero is an equal
    opportunity employer"; the same word for the hire is still read."""
    for body in ("## About Be a Hero/Be A Hero Action Fund\n\nBe A Hero PAC works for a fair healthcare system.\n\n"
                 "Manage the email strategy for Be A Hero Action Fund.\n",
                 "Manage the email strategy for Be A Hero.\n\nBe A Hero is an equal opportunity employer.\n"):
        (tmp_path / "posting.md").write_text("# Senior Digital Advisor\n\n" + body + "\nYou will be our email hero.\n",
                                             encoding="utf-8")
        result = run("lint", "posting.md", "--select", "JD502", *AS_OF, cwd=tmp_path)
        assert [words for _, words in _places_and_words(result, "JD502")] == ["hero"], result.out


def test_a_broadcast_programmes_name_given_by_the_posting_is_not_reported(run, tmp_path):
    """Both readers of held-out set 63's 036 left "Guys" in "BackStory with the American History
    Guys", a public radio programme's name, in the title and in the sentence saying what it is; the
    same word for the hire is still read, and a training programme's name is no such name."""
    (tmp_path / "posting.md").write_text(
        "# Associate Producer, BackStory with the American History Guys\n\n"
        "BackStory with the American History Guys is a nationally-distributed, weekly, one-hour public radio "
        "program hosted by three historians.\n\nYou guys will love the studio.\n", encoding="utf-8")
    result = run("lint", "posting.md", "--select", "JD507", *AS_OF, cwd=tmp_path)
    assert [words for _, words in _places_and_words(result, "JD507")] == ["guys"], result.out

    from jdgen.documents import read_document
    from jdgen.lint.posting_files import names_in_posting

    (tmp_path / "posting.md").write_text("# Producer\n\nThe Young Guns Program is a two-year graduate program.\n\n"
                                         "Our team is a radio show crew.\n", encoding="utf-8")
    assert names_in_posting(read_document(tmp_path / "posting.md")) == ()


def test_headings_about_the_reader_the_post_or_the_company_name_no_employer(tmp_path):
    from jdgen.documents import read_document
    from jdgen.lint.posting_files import names_in_posting

    headings = ("About you", "About Us", "ABOUT THE ROLE", "About the Job", "About the Team", "About this role",
                "About The Company", "About Our company", "About Working at Pear Deck", "About Company",
                "About Organization:", "About the Rockstar Team", "About your rockstar role")
    (tmp_path / "posting.md").write_text("# Developer\n\n" + "".join(f"## {h}\n\nText.\n\n" for h in headings)
                                         + "We are an equal opportunity employer. Our client is an equal opportunity "
                                           "employer. It is an equal opportunity employer.\n", encoding="utf-8")
    assert names_in_posting(read_document(tmp_path / "posting.md")) == ()
    (tmp_path / "posting.md").write_text("# Developer\n\n## About Mercy Corps\n\nText.\n\n## About Jobsity💡\n\nText.\n\n"
                                         "Thanks.The City of Port St. Lucie is an Equal Opportunity Employer.\n",
                                         encoding="utf-8")
    assert names_in_posting(read_document(tmp_path / "posting.md")) == ("Mercy Corps", "Jobsity", "City of Port St. Lucie")


def test_a_trait_word_of_an_organisation_is_not_asked_of_the_hire(run, tmp_path):
    """Both readers of held-out set 61's 050 left "we are one of the most aggressive political
    organizations in the space" (the organisation, not the wanted person); a trait word of the hire,
    of a business developer or of a "company man" stays read."""
    result = _lint(run, tmp_path, "- We are one of the most aggressive political organizations in the space.\n"
                                  "- Join an aggressive company.\n"
                                  "- We want an aggressive salesperson.\n"
                                  "- Be an aggressive business developer.\n"
                                  "- He is an assertive company man.\n", select="JD501")
    assert [word for _, word in _places_and_words(result, "JD501")] == ["aggressive", "aggressive", "assertive"]


def test_a_gendered_title_is_offered_its_own_replacement_not_every_titles(run, tmp_path):
    result = _lint(run, tmp_path, "- Night Watchman - 7 Vacancies\n- Waitress wanted for weekends\n", select="JD507")
    assert result.out.splitlines() == [
        "posting.md:3:9: JD507 warning 'Watchman': A gendered job title; the EU Directive 2023/970 also asks for "
        "gender-neutral titles. (try 'security guard', 'night guard' or 'watchkeeper'; --ignore "
        "JD507:gendered-job-titles leaves this row out)",
        "posting.md:4:3: JD507 warning 'Waitress': A title for one sex suggests the job is only for that sex "
        "(EHRC guidance on adverts). (try 'server'; --ignore JD507:gendered-feminine-titles leaves this row out)"]
