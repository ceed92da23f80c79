"""Pure PDF reading: pdfplumber pages -> raw cells and text lines with page/row/col provenance."""
