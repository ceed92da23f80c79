"""Pure cleaning: raw cells -> typed tables with canonical columns. One module per repair."""
