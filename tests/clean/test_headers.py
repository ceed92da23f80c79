from assets.clean.headers import label_matches


def test_full_path():
    assert label_matches("基本支出/小计", ("基本支出", "小计"))


def test_levels_may_be_skipped():
    assert label_matches("基本支出/工资福利支出", ("基本支出", "人员经费", "工资福利支出"))


def test_last_level_must_match():
    assert not label_matches("基本支出/小计", ("项目支出", "小计"))
    assert not label_matches("合计", ("基本支出",))


def test_wrapped_label_matches():
    assert label_matches("单位代码", ("单位代码",))


def test_labels_printed_in_the_totals_row_are_header_and_body():
    # 部门决算 收入决算表: "类 | 款 | 项 | 合计 | 2,946.25" is the header's last row and the 合计 row
    from assets.clean.grid import PageGrid
    from assets.clean.headers import find_header
    from assets.clean.rows import grid_body_rows
    from assets.templates.spec import load_templates

    spec = next(t for tpl in load_templates() for t in tpl.tables if t.id == "final_expenditure_by_function")
    amounts = ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
    texts = (
        ("项目", "项目", "项目", "项目", *amounts),
        ("支出功能分类", "支出功能分类", "支出功能分类", "科目名称", *amounts),
        ("科目编码", "科目编码", "科目编码", "科目名称", *amounts),
        ("类", "款", "项", "合计", "2,940.05", "2,336.91", "603.14", "", "", ""),
        ("201", "", "", "一般公共服务支出", "2,106.66", "1,503.52", "603.14", "", "", ""),
    )
    origins = tuple(tuple((r, c) for c in range(10)) for r in range(len(texts)))
    grid = PageGrid(page=10, table_index=0, top=0, bottom=1, texts=texts, origins=origins,
                    columns=tuple((c, c + 1) for c in range(10)))
    header = find_header(grid, spec)
    assert header is not None and header.body_start == 3 and header.label_cells == {0, 1, 2}
    assert [header.mapping[c] for c in range(4)] == ["func_class", "func_kind", "func_item", "name"]
    first, second = grid_body_rows(grid, header.body_start, header.mapping, header.label_cells)
    assert (first.source_row, first.texts["func_class"], first.texts["name"], first.texts["total"]) == (
        3, "", "合计", "2,940.05")
    assert second.texts["func_class"] == "201"
