"""rules.toml -> validated Rule records, the stated pairs and the required sections, and the
Finding a rule reports.

Unknown keys, a bad severity or kind, or a pattern rule without a pattern are rejected with the
rule's id, so a typo in the file fails loudly at load time.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RULES_FILE = Path(__file__).with_name("rules.toml")
SEVERITIES = ("error", "warning", "style")
KINDS = ("pattern", "logic")
REQUIRED = ("id", "severity", "kind", "what", "example", "expected")
OPTIONAL = ("pattern", "unless", "scope")
PAIR_KEYS = {"id", "compares", "example", "pattern"}
SECTION_KEYS = {"name", "example", "pattern"}
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # an amount as printed: 1,202.95 or 0.16
MAX_QUOTE = 240  # characters of a sentence quoted in a finding; longer ones are cut around the hit


@dataclass(frozen=True)
class Rule:
    """One audit rule as described in rules.toml."""

    id: str
    severity: str
    kind: str
    what: str
    example: str
    expected: str
    pattern: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    scope: str | None = None


@dataclass(frozen=True)
class Finding:
    """One defect of a narrative: which rule, where (page, section), the sentence quoted, and
    what is printed against what was expected."""

    rule_id: str
    severity: str
    page: int
    section: str
    sentence: str
    printed: str
    expected: str


def parse_rule(raw: dict) -> Rule:
    """Given one [[rule]] table, return the Rule, or raise ValueError naming the rule and key."""
    name = raw.get("id", "?")
    unknown = set(raw) - set(REQUIRED) - set(OPTIONAL)
    missing = [key for key in REQUIRED if key not in raw]
    if unknown or missing:
        raise ValueError(f"rule {name}: unknown keys {sorted(unknown)}, missing {missing}")
    if raw["severity"] not in SEVERITIES or raw["kind"] not in KINDS:
        raise ValueError(f"rule {name}: severity must be one of {SEVERITIES}, kind one of {KINDS}")
    if (raw["kind"] == "pattern") != ("pattern" in raw):
        raise ValueError(f"rule {name}: a pattern rule has a pattern, a logic rule none")
    compiled = {key: re.compile(raw[key]) for key in ("pattern", "unless") if key in raw}
    return Rule(**{**raw, **compiled})


@dataclass(frozen=True)
class Pair:
    """One wording of a stated pair: the previous (预算/上年) and current (决算/本年) values."""

    id: str
    compares: str  # the left word of a comparison about the pair: 决算 or 本年
    example: str
    pattern: re.Pattern[str]


def parse_pair(raw: dict) -> Pair:
    """Given one [[pair]] table, return the Pair ({NUMBER} put in), or raise ValueError naming it."""
    check_keys(raw, PAIR_KEYS, f"pair {raw.get('id', '?')}")
    return Pair(**{**raw, "pattern": re.compile(raw["pattern"].replace("{NUMBER}", f"(?:{NUMBER})"))})


@dataclass(frozen=True)
class Section:
    """One section the disclosure rules require in the 说明: its name and what shows it is there."""

    name: str
    example: str
    pattern: re.Pattern[str]


def parse_section(raw: dict) -> Section:
    """Given one [[section]] table, return the Section, or raise ValueError naming it."""
    check_keys(raw, SECTION_KEYS, f"section {raw.get('name', '?')}")
    return Section(**{**raw, "pattern": re.compile(raw["pattern"])})


def check_keys(raw: dict, keys: set[str], name: str) -> None:
    if set(raw) != keys:
        raise ValueError(f"{name}: keys must be {sorted(keys)}")


@cache
def rules_file() -> dict:
    return tomllib.loads(RULES_FILE.read_text())


@cache
def load_rules() -> dict[str, Rule]:
    """Every rule of rules.toml by id."""
    rules = [parse_rule(raw) for raw in rules_file()["rule"]]
    return {rule.id: rule for rule in rules}


@cache
def load_pairs() -> tuple[Pair, ...]:
    """Every stated-pair wording of rules.toml, in the file's order."""
    return tuple(parse_pair(raw) for raw in rules_file()["pair"])


@cache
def load_sections() -> tuple[Section, ...]:
    """Every required section of rules.toml, in the file's order."""
    return tuple(parse_section(raw) for raw in rules_file()["section"])


def quote(text: str, start: int, end: int) -> str:
    """The sentence as quoted in a finding: whole, or cut to MAX_QUOTE characters around a hit."""
    text = text.strip() if len(text.strip()) <= MAX_QUOTE else text
    if len(text) <= MAX_QUOTE:
        return text
    left = max(0, min(start - MAX_QUOTE // 3, len(text) - MAX_QUOTE))
    return ("…" if left else "") + text[left:left + MAX_QUOTE].strip() + "…"


def finding(rule_id: str, sentence, start: int, end: int, printed: str, expected: str | None = None) -> Finding:
    """The Finding of rule `rule_id` for the hit [start, end) of a Sentence."""
    rule = load_rules()[rule_id]
    return Finding(rule.id, rule.severity, sentence.page_at(start), sentence.section,
                   quote(sentence.text, start, end), printed, expected or rule.expected)
