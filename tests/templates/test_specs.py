import pytest

from assets.templates.spec import SpecError, load_templates, parse_template


def test_every_spec_file_loads():
    templates = load_templates()
    assert {t.template for t in templates} >= {"henan_budget_15"}
    for template in templates:
        ids = [t.id for t in template.tables]
        assert len(ids) == len(set(ids)), template.template


def test_unknown_key_is_rejected_with_its_name():
    raw = {"template": "x", "document_kind": "budget", "scope": "department",
           "tables": [{"id": "t", "title": "t", "colums": []}]}
    with pytest.raises(SpecError, match="unknown key 'colums'"):
        parse_template(raw, "x.toml")


def test_row_kind_on_unknown_column_is_rejected():
    raw = {"template": "x", "document_kind": "budget", "scope": "department",
           "tables": [{"id": "t", "title": "t",
                       "columns": [{"key": "a", "kind": "text", "labels": ["A"]}],
                       "row_kinds": [{"kind": "total", "when": {"b": "^$"}}]}]}
    with pytest.raises(SpecError, match="unknown column 'b'"):
        parse_template(raw, "x.toml")
