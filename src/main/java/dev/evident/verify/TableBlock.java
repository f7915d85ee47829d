package dev.evident.verify;

import java.util.List;

/**
 * A GFM table of a report: the header cells and each body row's cells with the row's line.
 *
 * @param header the header cells as plain text
 * @param rows the body rows
 * @param section the headings the table is under
 */
record TableBlock(List<String> header, List<Row> rows, Section section) {

  TableBlock {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** A body row: its cells as plain text and its report line. */
  record Row(List<String> cells, int line) {
    Row {
      cells = List.copyOf(cells);
    }
  }
}
