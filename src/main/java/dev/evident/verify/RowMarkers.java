package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * Row numbers of a table ("| 3 | Checkout flow (`CheckoutFlowTest`) | done | 8/8 passing |"): a
 * small number alone in a row's first cell, before a cell that names something, numbers the row and
 * counts nothing. A table claim is checked without it.
 */
final class RowMarkers {

  private RowMarkers() {}

  /** The claim without the number its row's first cell holds, or the claim itself. */
  static Claim without(Claim c) {
    if (c.kind() != ClaimKind.TABLE) {
      return c;
    }
    List<String> cells = new ArrayList<>();
    for (String cell : c.text().split("\\|")) {
      if (!cell.isBlank()) {
        cells.add(cell.strip());
      }
    }
    if (cells.size() < 2
        || !cells.get(0).matches("\\d{1,3}[.)]?")
        || !cells.get(1).matches(".*\\p{L}{2,}.*")) {
      return c;
    }
    double marker = Double.parseDouble(cells.get(0).replaceAll("[.)]$", ""));
    List<Quantity> stated = new ArrayList<>(c.stated());
    for (int i = 0; i < stated.size(); i++) {
      if (stated.get(i).value() == marker) {
        stated.remove(i);
        return c.withStated(stated);
      }
    }
    return c;
  }
}
