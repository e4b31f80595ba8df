#!/usr/bin/python3
"""Independent reader for tests/export-openpyxl.test.ts: opens an exported .xlsx with openpyxl (not exceljs)
and prints, as JSON on stdout, what a spreadsheet program would see on every sheet: merges, print setup,
fonts, and every cell that has a value or a number format (value, data_type, number_format, font).

Usage: /usr/bin/python3 tests/helpers/inspect_xlsx.py FILE.xlsx
Exit 2 (message on stderr) when openpyxl is missing or the file cannot be read.
"""
import json
import sys

try:
    import openpyxl
except ImportError:  # pragma: no cover - reported to the test as a clear message
    sys.stderr.write("openpyxl is missing: install the Debian package python3-openpyxl\n")
    sys.exit(2)


def font_of(cell):
    font = cell.font
    return {"name": font.name, "size": font.sz, "bold": bool(font.b)}


def json_value(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def column_widths(ws):
    """Width of every used column; one <col min max> element may cover several columns."""
    widths = [None] * ws.max_column
    for dimension in ws.column_dimensions.values():
        if dimension.min is None or dimension.width is None or not dimension.customWidth:
            continue
        for index in range(dimension.min, (dimension.max or dimension.min) + 1):
            if index <= ws.max_column:
                widths[index - 1] = dimension.width
    return widths


def inspect_sheet(ws):
    cells = {}
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        for cell in row:
            if cell.value is None and cell.number_format == "General":
                continue
            cells[cell.coordinate] = {
                "value": json_value(cell.value),
                "type": cell.data_type,
                "format": cell.number_format,
                "font": font_of(cell),
            }
    setup = ws.page_setup
    fit = ws.sheet_properties.pageSetUpPr
    footer = ws.oddFooter
    return {
        "name": ws.title,
        "title": json_value(ws["A1"].value),
        "titleFont": font_of(ws["A1"]),
        "maxRow": ws.max_row,
        "maxColumn": ws.max_column,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "printTitleRows": ws.print_title_rows,
        "fitToWidth": None if setup.fitToWidth is None else int(setup.fitToWidth),
        "fitToHeight": None if setup.fitToHeight is None else int(setup.fitToHeight),
        "fitToPage": None if fit is None else fit.fitToPage,
        "paperSize": None if setup.paperSize is None else int(setup.paperSize),
        "orientation": setup.orientation,
        "horizontalCentered": ws.print_options.horizontalCentered,
        "footer": {
            "left": footer.left.text,
            "center": footer.center.text,
            "right": footer.right.text,
        },
        "columnWidths": column_widths(ws),
        "cells": cells,
    }


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: inspect_xlsx.py FILE.xlsx\n")
        return 2
    try:
        workbook = openpyxl.load_workbook(argv[1])  # formulas stay formulas (data_type 'f'), not cached values
    except Exception as error:  # noqa: BLE001 - any read failure is a test failure with its reason
        sys.stderr.write(f"openpyxl cannot read {argv[1]}: {error}\n")
        return 2
    result = {
        "openpyxl": openpyxl.__version__,
        "sheets": [inspect_sheet(ws) for ws in workbook.worksheets],
    }
    json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
