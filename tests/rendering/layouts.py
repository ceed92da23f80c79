"""The layouts the rendered test fixtures use: orientation, font size (so wraps move), column
width, and whether continuation pages repeat the header. Each name is a fixture file."""
from tests.rendering.render_budget import Layout

# every grid table of the reference except 07 (its unit labels are cells merged across pages,
# which reportlab cannot draw) and the forms 14 and 15
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
