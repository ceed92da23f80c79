"""The layouts the rendered test fixtures use: orientation, font size (so wraps move), column
width, and whether continuation pages repeat the header. Each name is a fixture file."""
from tests.rendering.render_budget import Layout

# every grid table of the reference except 07 (its unit labels are cells merged across pages:
# see PAGE_BREAK_TABLES below, rendered by render_budget's own page cutting) and the forms 14, 15
RENDERED_TABLES = ("01", "02", "03", "04", "05", "06", "08", "09", "10", "11", "12", "13")

LAYOUTS = {
    f"{'land' if land else 'port'}_{size:g}pt_w{int(scale * 100)}_{'rep' if repeat else 'norep'}":
        Layout(landscape=land, font_size=size, width_scale=scale, repeat_header=repeat)
    for land, size, scale, repeat in [
        (True, 8, 1.0, True), (True, 8, 1.0, False), (True, 7, 1.0, True), (True, 9, 1.0, True),
        (True, 10, 1.0, True), (True, 10, 1.0, False), (True, 8, 0.8, True), (True, 9, 0.8, False),
        (True, 10, 0.85, True), (True, 7, 0.7, True), (False, 7, 1.0, True), (False, 7, 1.0, False),
        (False, 8, 1.0, True), (False, 6, 1.0, True), (False, 6, 1.0, False), (False, 7, 0.9, True),
        (False, 6, 0.85, False), (False, 8, 0.95, False), (True, 11, 1.0, True), (True, 6, 0.6, True),
    ]
}

# Page-break layouts, rendered by the test into a temporary folder (reportlab takes well under a
# second a document, so they need no golden file): table 07 too, its unit and type labels drawn
# as cells merged over page breaks; no header repeated on continuation pages, under several
# number fonts (the only shipped CID font that maps every simplified character is STSong, so the
# other fonts print the amounts and codes) and column widths; continuation pages drawn as Word
# draws them (no rule above their first row) or titled again ("预算07表（续）").
PAGE_BREAK_TABLES = tuple(sorted((*RENDERED_TABLES, "07")))
PAGE_BREAK_LAYOUTS = {
    "norep_song_8pt": Layout(font_size=8, repeat_header=False),
    "norep_helvetica_7pt": Layout(font_size=7, repeat_header=False, number_font="Helvetica"),
    "norep_times_9pt_w80": Layout(font_size=9, repeat_header=False, width_scale=0.8, number_font="Times-Roman"),
    "norep_courier_8pt_tilt": Layout(font_size=8, repeat_header=False, tilt=0.3, number_font="Courier"),
    "norep_port_helvetica_7pt_w90": Layout(landscape=False, font_size=7, repeat_header=False, width_scale=0.9,
                                           number_font="Helvetica"),
    "norep_port_song_6pt_tilt": Layout(landscape=False, font_size=6, repeat_header=False, tilt=-0.3),
    "word_norep_8pt": Layout(font_size=8, repeat_header=False, word_like=True),
    "retitled_norep_8pt": Layout(font_size=8, repeat_header=False, running_title=True),
    "retitled_rep_times_9pt": Layout(font_size=9, running_title=True, number_font="Times-Roman"),
}
# A unit label merged over a page break and printed in two parts, "焦作市人" at the foot of one
# page and "民政府办公室" at the top of the next: cut after this many characters, at the first,
# second… page break that a label's span crosses, under two font sizes (table 07 alone).
LABEL_CUT_LAYOUTS = {
    f"cut{cut}_break{span}_{size}pt": Layout(font_size=size, repeat_header=False, label_cut=cut, cut_span=span)
    for cut, span in ((1, 0), (4, 1), (-2, 2), (3, 3)) for size in (7, 9)
}
# Tables printed without ruling lines, read from the white space (extract/unruled.py): no rules
# at all, or a three-line table (rules above and under the header and under the last row), under
# other fonts, sizes and widths, continuation pages with and without their header.
UNRULED_LAYOUTS = {
    "none_land_8pt": Layout(rules="none"),
    "none_port_7pt": Layout(landscape=False, font_size=7, rules="none"),
    "none_port_7pt_norep": Layout(landscape=False, font_size=7, rules="none", repeat_header=False),
    "none_land_10pt_helvetica": Layout(font_size=10, rules="none", number_font="Helvetica"),
    "none_land_6pt_w60": Layout(font_size=6, rules="none", width_scale=0.6),
    "none_land_11pt": Layout(font_size=11, rules="none"),
    "three_line_land_8pt": Layout(rules="three_line"),
    "three_line_port_7pt": Layout(landscape=False, font_size=7, rules="three_line"),
    "three_line_land_9pt_w80_norep": Layout(font_size=9, rules="three_line", width_scale=0.8, repeat_header=False),
    "three_line_port_8pt_times": Layout(landscape=False, font_size=8, rules="three_line", number_font="Times-Roman"),
}
# Unruled, as a spreadsheet aligns them: amounts to the right, header labels centred. The tables
# each layout reads exactly; the others are a known gap (docs/extraction.md).
ALIGNED_LAYOUTS = {
    "aligned_none_land_8pt": (Layout(rules="none", spreadsheet_align=True), ("01", "02", "08", "09", "13")),
    "aligned_three_line_port_7pt_norep": (
        Layout(landscape=False, font_size=7, rules="three_line", repeat_header=False, spreadsheet_align=True),
        ("01", "02", "03", "05", "06", "08", "09", "12", "13")),
}

# Tables printed one after another on a page (not each on a page of its own), so a page holds
# the end of one table, the title of the next (sometimes left at the page's foot) and its start;
# some tables printed without any rule beside ruled ones (an empty or short table typed as text).
FLOW_LAYOUTS = {
    "flow_land_8pt": Layout(flow=True),
    "flow_port_7pt": Layout(flow=True, landscape=False, font_size=7),
    "flow_port_8pt_norep": Layout(flow=True, landscape=False, font_size=8, repeat_header=False),
    "flow_mixed_land_8pt": Layout(flow=True, unruled=("02", "05", "09", "10", "11", "13")),
    "flow_mixed_port_7pt": Layout(flow=True, landscape=False, font_size=7,
                                  unruled=("01", "03", "06", "09", "10", "12")),
    "flow_mixed_land_10pt_norep": Layout(flow=True, font_size=10, repeat_header=False, unruled=("03", "04", "09")),
    "flow_mixed_port_6pt_w85": Layout(flow=True, landscape=False, font_size=6, width_scale=0.85,
                                      unruled=("02", "06", "10", "12")),
    "flow_mixed_land_9pt_helvetica": Layout(flow=True, font_size=9, number_font="Helvetica",
                                            unruled=("01", "05", "08", "11")),
    "flow_three_line_mixed_land_8pt": Layout(flow=True, rules="three_line", unruled=("02", "05", "10")),
    "flow_none_port_7pt_norep": Layout(flow=True, rules="none", landscape=False, font_size=7, repeat_header=False),
}
