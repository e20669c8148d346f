"""Who may apply, and who the posting pictures: gender-restricted eligibility, gendered address,
age-coded phrases, alcohol-centred culture, sensory and neurodiversity exclusion.

Each rule is one word list in ``jdgen/data/`` (its sources in the file's header) read as JD502
reads its own (:mod:`..wordlists`): every match at its own place, equal-opportunity statements
exempt, nothing inside the company's name or a ``[lint] allow`` phrase. The lists are apart so
that a team can ignore, or raise, one concern without the others, and each phrase sits in one
list so that it is reported once.
"""

from __future__ import annotations

from ..registry import Example, rule
from ..wordlists import phrase_rule

rule("JD506", "gender-restricted-eligibility", severity="error", target="posting", documents=True,
     word_list="gender_restricted.yaml",
     summary="A posting that restricts the job to one sex: 'women applicants only', 'male candidates preferred'.",
     why="Restricting or preferring a sex in a job advert is unlawful in the US (Title VII §704(b)), the UK "
         "(Equality Act 2010, EHRC guidance on adverts) and the EU (Directive 2006/54/EC Art. 14) unless sex is a "
         "genuine occupational requirement, which almost no posting is. Encouraging a group to apply is lawful "
         "positive action and is not reported, nor is a preference whose sentence names its employment-equity "
         "ground (representivity, an equity plan, affirmative action).",
     bad=Example(profile="title: Machine Learning Engineer (Women Applicants Only)\n"),
     good=Example(profile="summary: We encourage women and non-binary engineers to apply.\n"))(
    phrase_rule("gender_restricted.yaml"))

rule("JD507", "gendered-language", severity="warning", target="posting", documents=True,
     word_list="gendered_language.yaml",
     summary="Gendered address, pronouns and titles: 'Hey guys', 'he/she', 'he will', 'chairman', 'salesman' …",
     why="A posting that addresses its reader as a man, pictures the hire as 'he', or uses a title for one sex "
         "tells everyone else the job was meant for someone else; US, UK and EU equal-treatment law also reads "
         "such wording as a preference (Title VII §704(b), EHRC guidance on adverts, Directive 2023/970 "
         "Art. 5(3)). A quoted name (\"He Will Rise\") and the company's own name are not reported.",
     bad=Example(profile="summary: Hey guys! He will own our forecasting models.\n"),
     good=Example(profile="summary: Hi everyone! You will own our forecasting models.\n"))(
    phrase_rule("gendered_language.yaml"))

rule("JD508", "age-coded-language", severity="warning", target="posting", documents=True,
     word_list="age_coded.yaml",
     summary="Age-coded phrasing: 'digital native', 'young and dynamic', 'ideal for recent graduates', 'class "
             "of 2024' …",
     why="Phrases that picture a young hire tell older applicants not to apply; in the US the ADEA §4(e) bars "
         "notices that indicate an age preference and the EEOC reads 'recent college graduates' as one; in the "
         "UK age is a protected characteristic under the Equality Act 2010. 'A young company' is not reported, "
         "nor are graduates welcomed beside others ('fresh graduates or juniors are welcome to apply'). An upper "
         "age limit is reported where its number is ('Age limit: 56 years', 'Maximum: 35 years', 'should not have "
         "reached their 48th birthday', a degree 'not earned earlier than 2014'); a label on its own line and a "
         "minimum age of 18 are not, nor a higher minimum whose sentence names the law or licence behind it "
         "('21 or older to serve alcohol'). 'Must be 21+' with no reason is reported.",
     bad=Example(profile="summary: Ideal for recent graduates who want to join a young and dynamic team.\n"),
     good=Example(profile="summary: An entry-level role in a young company that ships weekly.\n"))(
    phrase_rule("age_coded.yaml"))

rule("JD509", "alcohol-culture", severity="warning", target="posting", documents=True,
     word_list="alcohol_culture.yaml",
     summary="Alcohol as a hiring stage or a perk: 'beer in the pub', 'beer on tap', 'Friday drinks' …",
     why="People who do not drink, for reasons of faith, health, recovery or pregnancy, read a drinks-centred "
         "interview or culture as not for them, and a 'beer test' judges sociability rather than the work. A "
         "brewery's product ('every beer we brew') is not culture and is not reported.",
     bad=Example(company="hiring_process:\n  - A call with a recruiter\n  - Beer in the pub with the team\n"),
     good=Example(company="hiring_process:\n  - A call with a recruiter\n  - Lunch with the team (our treat)\n"))(
    phrase_rule("alcohol_culture.yaml"))

rule("JD510", "sensory-exclusion", severity="warning", target="posting", documents=True,
     word_list="sensory_exclusion.yaml",
     summary="Sensory or neurodiversity exclusion: 'without headphones on', 'good eye contact', 'thrive in a "
             "loud office' …",
     why="Autistic people and people with ADHD or sensory processing differences are often excellent at the "
         "work and need an adjustment (headphones, a quiet room) or communicate without eye contact; a posting "
         "that rules those out excludes them (ADA; UK Equality Act 2010 ss. 6 and 20). Describe the real "
         "environment and what is available instead.",
     bad=Example(profile="summary: You sit next to other human beings all day, without headphones on.\n"),
     good=Example(profile="summary: You work in an open-plan office with quiet rooms and headphones provided.\n"))(
    phrase_rule("sensory_exclusion.yaml"))
