package dev.archforge.facts.schema;

import dev.archforge.facts.schema.Dialect.ColumnType;
import dev.archforge.facts.schema.Table.Check;
import dev.archforge.facts.schema.Table.Column;
import dev.archforge.facts.schema.Table.Role;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.render.ControlCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The column of one field in one dialect, with the helper columns and the check it needs, and the
 * column (or prefix) that carries its unique key or index.
 */
final class FieldColumns {
  static final int EMAIL_LENGTH = 254;
  static final int URL_LENGTH = 2048;
  /** Characters of a long text a MySQL index covers (4 bytes each, with room for the id). */
  static final int INDEX_PREFIX = 255;
  /** Comments stay below MySQL's 1,024 characters for a column. */
  static final int COMMENT_LENGTH = 1000;

  /**
   * @param columns the field's column, then its helpers
   * @param check the field's check constraint, or null
   * @param keyColumn the column a unique key or index of the field goes on
   * @param indexPart how an index names that column (a MySQL prefix for a long text)
   */
  record Result(List<Column> columns, Check check, String keyColumn, String indexPart) {}

  private final Dialect dialect;
  private final BlueprintDefaults defaults;
  private final FieldProtection protection;

  FieldColumns(Dialect dialect, BlueprintDefaults defaults, FieldProtection protection) {
    this.dialect = dialect;
    this.defaults = defaults;
    this.protection = protection;
  }

  Result of(String table, Field f) {
    String name = SqlNames.column(f.name());
    if (protection.storage(f) != FieldProtection.Storage.PLAIN) {
      return guarded(f, name);
    }
    Integer length = length(f);
    ColumnType type = dialect.type(f, length);
    List<String> conditions = conditions(f, name, length, type);
    Check check = conditions.isEmpty() ? null
        : new Check(SqlNames.constraint("ck", table, List.of(name)), name, String.join(" AND ", conditions));
    List<Column> columns = new ArrayList<>();
    columns.add(new Column(name, type.sql(), null, f.required(), dialect.defaultValue(f, type), null, comment(f),
        Role.FIELD, f.name()));
    String keyColumn = name;
    String indexPart = name;
    if (!type.wholeValueIndexable() && (f.unique() || f.indexed())) {
      indexPart = name + "(" + INDEX_PREFIX + ")";
      if (f.unique()) {
        keyColumn = SqlNames.identifier(name.replaceAll("_+$", "") + "_sha256");
        indexPart = keyColumn;
        columns.add(new Column(keyColumn, dialect.shortText(64), dialect.hashOf(name).orElseThrow(), false, null, null,
            "SHA-256 of " + name + ", kept by the database: carries the unique key a long text cannot.",
            Role.HELPER, f.name()));
      }
    }
    return new Result(columns, check, keyColumn, indexPart);
  }

  /** A hashed or encrypted field: the application checks its value before it hashes or encrypts it. */
  private Result guarded(Field f, String name) {
    String type = switch (protection.storage(f)) {
      case HASH -> dialect.shortText(FieldProtection.HASH_LENGTH);
      default -> dialect.binary(4L * (length(f) == null ? FieldProtection.VALUE_BYTES : length(f))
          + FieldProtection.CIPHERTEXT_OVERHEAD);
    };
    List<Column> columns = new ArrayList<>();
    columns.add(new Column(name, type, null, f.required(), null, null, clip(protection.comment(f)), Role.FIELD,
        f.name()));
    String keyColumn = name;
    if (protection.blindIndexed(f)) {
      keyColumn = FieldProtection.blindIndexOf(name);
      columns.add(new Column(keyColumn, dialect.shortText(FieldProtection.BLIND_INDEX_LENGTH), null, f.required(),
          null, null, FieldProtection.blindIndexComment(name), Role.HELPER, f.name()));
    }
    return new Result(columns, null, keyColumn, keyColumn);
  }

  /** The longest text a text-like field holds: its maxLength, or the blueprint's or the format's default. */
  Integer length(Field f) {
    Integer given = f.maxLength();
    return switch (f.type()) {
      case STRING -> given != null ? given : defaults.stringMaxLength();
      case TEXT -> given != null ? given : defaults.textMaxLength();
      case EMAIL -> given != null ? given : EMAIL_LENGTH;
      case URL -> given != null ? given : URL_LENGTH;
      default -> null;
    };
  }

  private List<String> conditions(Field f, String name, Integer length, ColumnType type) {
    List<String> conditions = new ArrayList<>();
    if (f.type() == FieldType.ENUM) {
      conditions.add(name + " IN (" + f.values().stream().map(dialect::literal).collect(Collectors.joining(", ")) + ")");
    }
    if (f.type() == FieldType.DECIMAL && dialect instanceof MySqlDialect && (f.precision() > 65 || f.scale() > 30)) {
      throw new IllegalArgumentException("field '" + f.name() + "' is decimal(" + f.precision() + ", " + f.scale()
          + "): MySQL allows at most 65 digits, 30 after the point; lower them or choose database: postgresql");
    }
    if (f.min() != null) {
      conditions.add(name + " >= " + dialect.number(f.min()));
    }
    if (f.max() != null) {
      conditions.add(name + " <= " + dialect.number(f.max()));
    }
    if (f.minLength() != null && f.minLength() > 0) {
      conditions.add("char_length(" + name + ") >= " + f.minLength());
    }
    boolean lengthInType = type.sql().startsWith("varchar(");
    if (length != null && !lengthInType) {
      conditions.add("char_length(" + name + ") <= " + length);
    }
    if (f.type() == FieldType.BYTES && f.maxLength() != null) {
      conditions.add("octet_length(" + name + ") <= " + f.maxLength());
    }
    return conditions;
  }

  private static String comment(Field f) {
    StringBuilder text = new StringBuilder();
    if (f.description() != null && !f.description().isBlank()) {
      text.append(f.description().strip());
      if (!f.description().strip().endsWith(".")) {
        text.append('.');
      }
    }
    if (f.pii()) {
      text.append(text.isEmpty() ? "" : " ").append("Data class: personal data (pii); masked in logs, exported and"
          + " erased on a data subject's request.");
    }
    return text.isEmpty() ? null : clip(text.toString());
  }

  /** One line, at most {@link #COMMENT_LENGTH} characters, control characters written visibly. */
  static String clip(String text) {
    String line = ControlCharacters.escape(text.replaceAll("\\s+", " ").strip());
    return line.length() <= COMMENT_LENGTH ? line : line.substring(0, COMMENT_LENGTH - 1) + "…";
  }
}
