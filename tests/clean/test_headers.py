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
