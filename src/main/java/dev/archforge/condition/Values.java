package dev.archforge.condition;

import java.util.List;

/** How values compare: numbers by exact value, text by exact characters, lists item by item. */
final class Values {
  private Values() {}

  /** The number, or null when it is not finite (a division by zero, an overflow). */
  static Double number(double value) {
    return Double.isFinite(value) ? value : null;
  }

  static boolean same(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  static boolean has(List<?> list, Object item) {
    for (Object candidate : list) {
      if (same(candidate, item)) {
        return true;
      }
    }
    return false;
  }
}
