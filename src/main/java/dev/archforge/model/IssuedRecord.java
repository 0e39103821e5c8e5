package dev.archforge.model;

import java.util.Optional;

/**
 * A decision record a previous run issued: as archforge wrote it (its pristine copy) and as it is
 * on disk now, where a person may have changed its status.
 *
 * @param number four digits, e.g. {@code 0005}
 * @param file its name in {@code decisions/}, e.g. {@code 0005-caching.md}
 * @param topic the decision topic
 * @param choice the option it records
 * @param origin {@code user} or {@code rules}
 * @param issued the text archforge wrote
 * @param onDisk the text on disk now, or null when a person deleted it
 */
public record IssuedRecord(String number, String file, String topic, String choice, String origin, String issued,
    String onDisk) {
  private static final String STATUS = "status: ";

  /** The status as a person reads it: the file on disk's, else the issued one's. */
  public String status() {
    return status(onDisk).or(() -> status(issued)).orElse("");
  }

  /** Whether archforge itself marked it superseded. */
  public boolean superseded() {
    return status(issued).orElse("").startsWith("superseded by");
  }

  /** The text a new status would go into: the person's version when there is one. */
  public String current() {
    return onDisk != null ? onDisk : issued;
  }

  /** {@code text} with its first {@code status:} line set to {@code status}; unchanged when it has none. */
  public static String withStatus(String text, String status) {
    int at = text.startsWith(STATUS) ? 0 : text.indexOf("\n" + STATUS);
    if (at < 0) {
      return text;
    }
    int start = at == 0 ? 0 : at + 1;
    int end = text.indexOf('\n', start);
    return text.substring(0, start) + STATUS + status + (end < 0 ? "" : text.substring(end));
  }

  private static Optional<String> status(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (String line : text.split("\n", 12)) {
      if (line.startsWith(STATUS)) {
        return Optional.of(line.substring(STATUS.length()).strip());
      }
    }
    return Optional.empty();
  }
}
