"""Read a page without a text layer from its image (a scan), in the order `page.ocr_page` runs:
image (render, regions, deskew), orientation, rules (masks and grids), words and glyphs (RapidOCR),
ruled_tables and unruled_tables (their cells), each module one idea."""
