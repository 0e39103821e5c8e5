package dev.archforge.facts.api;

import java.math.BigDecimal;

/**
 * The bounds every string and integer of a document carries, so that no value is unbounded
 * (OWASP API4:2023, unrestricted resource consumption): where the data model gives a constraint it
 * is used as it is; where it gives none, the type's own limit is written out.
 */
public final class Limits {
  /** {@code 3f2a...-...}: 32 hex digits and 4 hyphens. */
  static final int UUID_LENGTH = 36;
  /** {@code 2024-05-17}. */
  static final int DATE_LENGTH = 10;
  /** {@code 2024-05-17T09:30:00.123456789+01:00}: RFC 3339 with nanoseconds and an offset. */
  static final int DATE_TIME_MAX_LENGTH = 35;
  /** RFC 5321's limit of a forward path. */
  static final int EMAIL_MAX_LENGTH = 254;
  static final int URL_MAX_LENGTH = 2048;
  /** The raw size of a {@code bytes} field that gives no maxLength: 1 MiB. */
  static final int BYTES_MAX = 1_048_576;

  static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  static final BigDecimal INT64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** Text of one line: no control characters (C0, DEL, C1), so no line breaks either. */
  static final String SINGLE_LINE = "^[^\\x00-\\x1F\\x7F-\\x9F]*$";
  /** Text of many lines: no control characters but tab, line feed and carriage return. */
  static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]*$";
  /** An opaque cursor: base64url without padding. */
  static final String CURSOR = "^[A-Za-z0-9_-]+$";
  /** A header value of visible ASCII characters without spaces, such as an idempotency key. */
  static final String HEADER_TOKEN = "^[\\x21-\\x7E]+$";
  /** A strong entity tag (RFC 9110): visible ASCII but {@code "} between double quotes. */
  static final String ENTITY_TAG = "^\"[\\x21\\x23-\\x7E]+\"$";
  /** A web origin served over TLS: scheme, host and an optional port. */
  static final String ORIGIN = "^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?$";
  /** A JSON Pointer (RFC 6901). */
  static final String JSON_POINTER = "^(/([^~/]|~[01])*)*$";

  private Limits() {}

  /** The length of {@code bytes} bytes in base64 with padding. */
  public static int base64Length(int bytes) {
    return 4 * ((bytes + 2) / 3);
  }

  /**
   * The longest decimal a {@link FieldSchemas#decimalPattern} pattern accepts: the digits, the
   * point when there is a fraction, and the sign when negative values are allowed.
   */
  public static int decimalLength(int precision, int scale, boolean negative) {
    int integerDigits = Math.max(precision - scale, 1);
    return integerDigits + (scale > 0 ? 1 + scale : 0) + (negative ? 1 : 0);
  }
}
