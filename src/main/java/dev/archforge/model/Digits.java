package dev.archforge.model;

/**
 * Whole numbers as documents show them, without {@link String#format}: a run writes thousands of
 * them, and a formatter costs a run more to start and to compile than what it formats.
 */
public final class Digits {
  private Digits() {}

  /** {@code 12345} → {@code 12,345}; {@code -1234} → {@code -1,234}. */
  public static String grouped(long n) {
    String text = Long.toString(n);
    String digits = n < 0 ? text.substring(1) : text;
    StringBuilder sb = new StringBuilder(text.length() + digits.length() / 3);
    if (n < 0) {
      sb.append('-');
    }
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  /** {@code n} with leading zeros to {@code width} digits: {@code padded(5, 4)} → {@code 0005}. */
  public static String padded(int n, int width) {
    String digits = Integer.toString(n);
    return digits.length() >= width || n < 0 ? digits : "0".repeat(width - digits.length()) + digits;
  }
}
