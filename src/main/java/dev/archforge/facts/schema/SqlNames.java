package dev.archforge.facts.schema;

import dev.archforge.facts.Naming;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one SQL naming rule, for migrations and for every document that shows tables (the ERD of
 * ARCHITECTURE.md, db/README.md). Identifiers are never quoted, so that the same name works in
 * PostgreSQL, MySQL, MariaDB, Flyway and in hand-written queries:
 * <ol>
 *   <li>snake_case of the requirements' name ({@code OrderLine} → {@code order_line},
 *       {@code fullName} → {@code full_name}), see {@link Naming#snake};</li>
 *   <li>a name that is a reserved word of PostgreSQL, MySQL or MariaDB gets a trailing underscore
 *       ({@code Order} → {@code order_}, {@code from} → {@code from_});</li>
 *   <li>a name longer than {@value #MAX_LENGTH} characters (PostgreSQL keeps 63, MySQL 64) is cut to
 *       {@value #KEPT} characters and ends in {@code _} and the first 8 hex digits of the SHA-256
 *       of the whole name, so that it stays unique and the same on every run.</li>
 * </ol>
 * Constraints and indexes are named {@code <kind>_<table>_<columns>} (kinds {@code pk}, {@code fk},
 * {@code uq}, {@code ck}, {@code ix}), which keeps them unique in a schema as MySQL requires for
 * foreign keys and checks and PostgreSQL for indexes; the same shortening applies. JSON properties
 * in the API contracts keep the requirements' camelCase spelling.
 */
public final class SqlNames {
  private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9_]");
  private static final Pattern UNDERSCORES = Pattern.compile("_+");
  private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern TRAILING = Pattern.compile("_+$");

  /** The longest identifier both PostgreSQL (63 bytes) and MySQL (64 characters) keep. */
  public static final int MAX_LENGTH = 63;
  private static final int HASH_DIGITS = 8;
  static final int KEPT = MAX_LENGTH - HASH_DIGITS - 1;

  private SqlNames() {}

  /** The table of an entity: {@code OrderLine} → {@code order_line}, {@code User} → {@code user_}. */
  public static String table(String entity) {
    return identifier(Naming.snake(entity));
  }

  /** The column of a field: {@code fullName} → {@code full_name}, {@code from} → {@code from_}. */
  public static String column(String field) {
    return identifier(Naming.snake(field));
  }

  /** The foreign-key column of a many-to-one or one-to-one relation: {@code invitedBy} → {@code invited_by_id}. */
  public static String foreignKey(String relation) {
    return identifier(Naming.snake(relation) + "_id");
  }

  /** The schema (monolith) or database (microservices) of a service: {@code order-service} → {@code order_service}. */
  public static String schema(String service) {
    return identifier(Naming.snake(service));
  }

  /**
   * The join table of a many-to-many relation {@code relation} declared on {@code entity}: both
   * sides' names, {@code Member.teams} → {@code member_team}.
   */
  public static String joinTable(String entity, String relation) {
    return table(entity + Naming.pascal(Naming.singular(relation)));
  }

  /** The join table's column for the declaring side: {@code Member} → {@code member_id}. */
  public static String joinOwnerColumn(String entity) {
    return identifier(Naming.snake(entity) + "_id");
  }

  /**
   * The join table's column for the other side: {@code teams} → {@code team_id}; for a relation of
   * an entity to itself whose name gives the same column, {@code related_<name>_id}.
   */
  public static String joinTargetColumn(String entity, String relation) {
    String column = identifier(Naming.snake(Naming.singular(relation)) + "_id");
    return column.equals(joinOwnerColumn(entity)) ? identifier("related_" + column) : column;
  }

  /** A constraint or index name: {@code constraint("fk", "order_line", "order_id")} → {@code fk_order_line_order_id}. */
  public static String constraint(String kind, String table, List<String> columns) {
    StringBuilder name = new StringBuilder(kind).append('_').append(table);
    columns.forEach(c -> name.append('_').append(NOT_NAME.matcher(c).replaceAll("")));
    return shorten(UNDERSCORES.matcher(name).replaceAll("_"));
  }

  /** Any identifier: reserved words get a trailing underscore, long ones a hash suffix. */
  public static String identifier(String snake) {
    if (!SNAKE.matcher(snake).matches()) {
      throw new IllegalArgumentException("not a snake_case name: '" + snake + "'");
    }
    return shorten(isReserved(snake) ? snake + "_" : snake);
  }

  /** Whether a word is reserved in PostgreSQL, MySQL or MariaDB. */
  public static boolean isReserved(String word) {
    return ReservedWords.contains(word);
  }

  /** {@code order_line__} → {@code order_line}. */
  static String withoutTrailingUnderscores(String name) {
    return TRAILING.matcher(name).replaceAll("");
  }

  /** Cuts a name longer than {@link #MAX_LENGTH} and appends a hash of the whole name. */
  public static String shorten(String name) {
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    String kept = withoutTrailingUnderscores(name.substring(0, KEPT));
    return kept + "_" + sha256(name).substring(0, HASH_DIGITS);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
