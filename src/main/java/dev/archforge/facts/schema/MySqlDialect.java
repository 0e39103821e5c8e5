package dev.archforge.facts.schema;

import dev.archforge.model.Field;
import dev.archforge.model.IdType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * MySQL 8.0.16 and later (CHECK constraints are enforced from 8.0.16, expression defaults exist
 * from 8.0.13), written so that MariaDB 10.11 runs it too: no functional indexes, no
 * {@code UUID_TO_BIN}, timestamps as {@code datetime(6)} holding UTC.
 */
public final class MySqlDialect implements Dialect {
  /** The longest varchar indexed whole: InnoDB keys hold 3,072 bytes, 4 bytes a utf8mb4 character. */
  static final int MAX_VARCHAR = 768;
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  @Override
  public String id() {
    return "mysql";
  }

  @Override
  public String title() {
    return "MySQL 8.0.16+ (also MariaDB 10.11)";
  }

  @Override
  public String idType(IdType id) {
    return id == IdType.LONG ? "bigint" : "char(36)";
  }

  @Override
  public String idDefault(IdType id) {
    return id == IdType.LONG ? null : "(uuid())";
  }

  @Override
  public String identity(IdType id) {
    return id == IdType.LONG ? "AUTO_INCREMENT" : null;
  }

  @Override
  public ColumnType type(Field f, Integer length) {
    return switch (f.type()) {
      case STRING, EMAIL, URL -> length <= MAX_VARCHAR ? plain("varchar(" + length + ")") : text(length);
      case TEXT -> text(length);
      case INTEGER -> plain("int");
      case LONG -> plain("bigint");
      case DECIMAL -> plain("decimal(" + f.precision() + "," + f.scale() + ")");
      case BOOLEAN -> plain("boolean");
      case DATE -> plain("date");
      case DATETIME -> plain(timestampType());
      case UUID -> plain("char(36)");
      case ENUM -> plain("varchar(" + f.values().stream().mapToInt(String::length).max().orElse(1) + ")");
      case JSON -> new ColumnType("json", false, true);
      case BYTES -> new ColumnType(binary(f.maxLength() == null ? Long.MAX_VALUE : f.maxLength()), false, true);
    };
  }

  private static ColumnType plain(String sql) {
    return new ColumnType(sql, true, false);
  }

  /** A text type large enough for {@code characters} utf8mb4 characters. */
  private static ColumnType text(long characters) {
    long bytes = characters * 4;
    String sql = bytes <= 65_535 ? "text" : bytes <= 16_777_215 ? "mediumtext" : "longtext";
    return new ColumnType(sql, false, true);
  }

  @Override
  public String timestampType() {
    return "datetime(6)";
  }

  @Override
  public String now() {
    return "CURRENT_TIMESTAMP(6)";
  }

  @Override
  public String placeholderEscape() {
    return "$\\{";
  }

  /**
   * Backslash is an escape in MySQL's string literals unless NO_BACKSLASH_ESCAPES is set. A
   * <code>${</code> (Flyway's placeholder syntax) is written <code>$\{</code>: MySQL and MariaDB
   * read an unknown escape as the character itself, so the stored text is the same and no runner
   * sees a placeholder.
   */
  @Override
  public String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "''").replace(PLACEHOLDER, placeholderEscape()) + "'";
  }

  @Override
  public String defaultValue(Field f, ColumnType type) {
    String v = f.defaultValue();
    if (v == null) {
      return null;
    }
    String sql = switch (f.type()) {
      case INTEGER, LONG, DECIMAL -> v;
      case BOOLEAN -> bool(Boolean.parseBoolean(v));
      case DATETIME -> literal(OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).format(TIMESTAMP));
      case BYTES -> null;
      default -> literal(v);
    };
    return sql != null && type.expressionDefault() ? "(" + sql + ")" : sql;
  }

  @Override
  public boolean partialIndexes() {
    return false;
  }

  @Override
  public boolean rowLevelSecurity() {
    return false;
  }

  @Override
  public String binary(long bytes) {
    return bytes <= 65_535 ? "blob" : bytes <= 16_777_215 ? "mediumblob" : "longblob";
  }

  @Override
  public Optional<String> liveMarker(String deletedAt) {
    return Optional.of("GENERATED ALWAYS AS (CASE WHEN " + deletedAt + " IS NULL THEN 1 END) VIRTUAL");
  }

  @Override
  public Optional<String> hashOf(String column) {
    return Optional.of("GENERATED ALWAYS AS (sha2(" + column + ", 256)) STORED");
  }
}
