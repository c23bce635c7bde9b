"""Each table as a spreadsheet file, written into the built site beside its CSV (never into the repository).

The package's CSVs are UTF-8 without a byte order mark, with commas between fields and a point before decimals:
Excel set to Russian (or any language whose list separator is ";" and decimal mark ",") opens them as one garbled
column. Two files per table fix that:

- ``data/NAME.xlsx``: a workbook whose cells carry the descriptor's types (integers and decimals as numbers, dates
  as dates, true/false as booleans; ids, KATO codes and every other text as text), so it opens the same in any
  Excel; its first row is the field names, bold and frozen.
- ``data/NAME.excel.csv``: the package's CSV with a UTF-8 byte order mark, ";" between fields and "," before the
  decimals of number fields: what Excel in such a language opens by double-click. Excel still reads codes there
  as numbers; the xlsx is the file to prefer.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from .data import ROOT, ae

XLSX_SUFFIX = ".xlsx"
EXCEL_CSV_SUFFIX = ".excel.csv"
BOM = "\ufeff"
DATE_FORMAT = "yyyy-mm-dd"


def _cell(value: str, ftype: str):
    """A CSV string as the spreadsheet value of its descriptor type; empty stays empty."""
    if value == "":
        return None
    if ftype == "integer":
        return int(value)
    if ftype == "number":
        return float(value)
    if ftype == "date":
        return date.fromisoformat(value)
    if ftype == "boolean":
        return value == "true"
    return value


def _rows(resource: dict) -> tuple[list[str], list[list[str]]]:
    """The table's header and rows, as the package's CSV holds them."""
    with open(ROOT / resource["path"], encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def xlsx(resource: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
    header, rows = _rows(resource)
    book = Workbook()
    sheet = book.active
    sheet.title = resource["name"][:31]
    sheet.append(header)
    for row in rows:
        sheet.append([_cell(value, types[name]) for name, value in zip(header, row)])
    for column, name in enumerate(header, start=1):
        if types[name] == "date":
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.number_format = DATE_FORMAT
        elif types[name] not in ("integer", "number", "boolean"):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.number_format = "@"  # text: a code typed into the cell later stays a code
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def excel_csv(resource: dict) -> bytes:
    numbers = {f["name"] for f in resource["schema"]["fields"] if f["type"] == "number"}
    header, rows = _rows(resource)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([value.replace(".", ",") if name in numbers else value for name, value in zip(header, row)])
    return (BOM + out.getvalue()).encode("utf-8")


def files() -> dict[str, bytes]:
    """Both spreadsheet files of every table, at data/NAME.xlsx and data/NAME.excel.csv."""
    out = {}
    for resource in ae.descriptor(ROOT)["resources"]:
        stem = resource["path"].rsplit(".", 1)[0]
        out[stem + XLSX_SUFFIX] = xlsx(resource)
        out[stem + EXCEL_CSV_SUFFIX] = excel_csv(resource)
    return out
