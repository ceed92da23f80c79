"""Row repairs on tiny hand-made inputs, one per defect."""
from decimal import Decimal

from assets.clean.rows import RawRow, rows_to_clean_rows
from assets.templates.spec import load_templates


def spec(table_id):
    return next(t for tpl in load_templates() for t in tpl.tables if t.id == table_id)


def raw(page, row, first=False, **texts):
    keys = [c.key for c in spec("general_public_expenditure").columns]
    return RawRow(page, row, {k: texts.get(k, "") for k in keys}, first)


def test_fragment_at_top_of_page_joins_row_above():
    rows = [raw(1, 9, func_class="201", func_kind="03", func_item="02", name="一般行政管理事",
                total="25.15"),
            raw(2, 3, first=True, name="务")]
    clean, issues = rows_to_clean_rows(rows, spec("general_public_expenditure"))
    assert issues == []
    assert len(clean) == 1
    assert clean[0].values["name"] == "一般行政管理事务"
    assert clean[0].values["total"] == Decimal("25.15")


def test_fragment_at_foot_of_page_joins_row_below():
    rows = [raw(1, 9, name="一般行政管理事"),
            raw(2, 3, first=True, func_class="201", func_kind="03", func_item="02", name="务",
                total="25.15")]
    clean, _ = rows_to_clean_rows(rows, spec("general_public_expenditure"))
    assert [(r.values["name"], r.page) for r in clean] == [("一般行政管理事务", 2)]


def test_fragment_inside_a_page_is_left_alone():
    rows = [raw(1, 8, func_class="201", name="行政运行", total="1.00"), raw(1, 9, name="说明")]
    clean, _ = rows_to_clean_rows(rows, spec("general_public_expenditure"))
    assert len(clean) == 2


def test_merged_unit_label_fills_down_item_rows_only():
    keys = [c.key for c in spec("basic_expenditure_detail").columns]

    def row(r, **texts):
        return RawRow(5, r, {k: texts.get(k, "") for k in keys}, False)

    rows = [row(1, total="3.00"),
            row(2, unit_name="焦作市接待办公室", category="人员类", item_name="基本工资", total="2.00"),
            row(3, item_name="津贴", total="1.00")]
    clean, _ = rows_to_clean_rows(rows, spec("basic_expenditure_detail"))
    assert [r.kind for r in clean] == ["total", "item", "item"]
    assert clean[0].values["unit_name"] is None
    assert clean[2].values["unit_name"] == "焦作市接待办公室"
    assert clean[2].values["category"] == "人员类"


def test_unparsable_amount_is_reported_not_guessed():
    rows = [raw(1, 4, func_class="201", name="行政运行", total="12.3万")]
    clean, issues = rows_to_clean_rows(rows, spec("general_public_expenditure"))
    assert clean[0].values["total"] is None
    assert issues == ["page 1 row 4 column total: not a number: '12.3万'"]
