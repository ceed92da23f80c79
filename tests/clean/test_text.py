from assets.clean.text import join_wrapped_lines, label_key, map_radicals


def test_cjk_wrap_joins_without_space():
    assert join_wrapped_lines("机关事业单位基本养老保\n险缴费支出") == "机关事业单位基本养老保险缴费支出"


def test_latin_wrap_keeps_one_space():
    assert join_wrapped_lines("Project\nAlpha") == "Project Alpha"


def test_digits_next_to_cjk_join():
    assert join_wrapped_lines("接待业务工作经费\n2023") == "接待业务工作经费2023"


def test_inner_spaces_are_kept():
    assert join_wrapped_lines("接待业务工作经费 2023") == "接待业务工作经费 2023"


def test_kangxi_radicals_become_ideographs():
    assert map_radicals("⼀般公共预算") == "一般公共预算"


def test_label_key_folds_width_space_and_quotes():
    assert label_key("“三公”经费 合计（万元）") == "三公经费合计(万元)"


def test_letter_spaced_cjk_is_joined_but_a_single_space_stays():
    from assets.clean.text import join_wrapped_lines
    assert join_wrapped_lines("公 务 用 车 运 行 维 护\n费") == "公务用车运行维护费"
    assert join_wrapped_lines("因 公 出 国 （ 境 ） 费\n用") == "因公出国（境）费用"
    assert join_wrapped_lines("接待业务工作经费 2023") == "接待业务工作经费 2023"
    assert join_wrapped_lines("其他 支出") == "其他 支出"
