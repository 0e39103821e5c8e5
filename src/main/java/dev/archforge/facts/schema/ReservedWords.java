package dev.archforge.facts.schema;

import java.util.Locale;
import java.util.Set;

/**
 * Words that cannot stand unquoted as a table or column name in PostgreSQL, MySQL 8 or MariaDB:
 * the union of PostgreSQL's reserved key words (reserved, reserved that can be a function or
 * type, and the non-reserved ones that cannot be a type or function, since a table is a type),
 * MySQL 8.0/8.4's reserved words and MariaDB 10.11's. Lower case.
 */
final class ReservedWords {
  private static final String POSTGRESQL = """
      all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both
      case cast char character check coalesce collate collation column concurrently constraint create cross
      current_catalog current_date current_role current_schema current_time current_timestamp current_user dec
      decimal default deferrable desc distinct do else end except exists extract false fetch float for foreign
      freeze from full grant greatest group grouping having ilike in initially inner inout int integer intersect
      interval into is isnull join json json_array json_arrayagg json_exists json_object json_objectagg json_query
      json_scalar json_serialize json_table json_value lateral leading least left like limit localtime
      localtimestamp merge_action national natural nchar none normalize not notnull null nullif numeric offset on
      only or order out outer overlaps overlay placing position precision primary real references returning right
      row select session_user setof similar smallint some substring symmetric system_user table tablesample then
      time timestamp to trailing treat trim true union unique user using values varchar variadic verbose when
      where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi
      xmlroot xmlserialize xmltable
      """;
  private static final String MYSQL = """
      accessible add all alter analyze and as asc asensitive before between bigint binary blob both by call
      cascade case change char character check collate column condition constraint continue convert create cross
      cube cume_dist current_date current_time current_timestamp current_user cursor database databases day_hour
      day_microsecond day_minute day_second dec decimal declare default delayed delete dense_rank desc describe
      deterministic distinct distinctrow div double drop dual each else elseif empty enclosed escaped except
      exists exit explain false fetch first_value float float4 float8 for force foreign from fulltext function
      generated get grant group grouping groups having high_priority hour_microsecond hour_minute hour_second if
      ignore in index infile inner inout insensitive insert int int1 int2 int3 int4 int8 integer intersect
      interval into io_after_gtids io_before_gtids is iterate join json_table key keys kill lag last_value lateral
      lead leading leave left like limit linear lines load localtime localtimestamp lock long longblob longtext
      loop low_priority manual master_bind master_ssl_verify_server_cert match maxvalue mediumblob mediumint
      mediumtext middleint minute_microsecond minute_second mod modifies natural not no_write_to_binlog nth_value
      ntile null numeric of on optimize optimizer_costs option optionally or order out outer outfile over
      parallel partition percent_rank precision primary procedure purge qualify range rank read reads read_write
      real recursive references regexp release rename repeat replace require resignal restrict return revoke
      right rlike row rows row_number schema schemas second_microsecond select sensitive separator set show
      signal smallint spatial specific sql sqlexception sqlstate sqlwarning sql_big_result sql_calc_found_rows
      sql_small_result ssl starting stored straight_join system table terminated then tinyblob tinyint tinytext
      to trailing trigger true undo union unique unlock unsigned update usage use using utc_date utc_time
      utc_timestamp values varbinary varchar varcharacter varying virtual when where while window with write xor
      year_month zerofill
      """;
  private static final String MARIADB = """
      current_role delete_domain_id do_domain_ids general ignore_domain_ids ignore_server_ids
      master_heartbeat_period offset page_checksum parse_vcol_expr position ref_system_id returning rownum slow
      stats_auto_recalc stats_persistent stats_sample_pages
      """;

  static final Set<String> ALL = Set.copyOf(java.util.stream.Stream.of(POSTGRESQL, MYSQL, MARIADB)
      .flatMap(words -> java.util.Arrays.stream(words.trim().split("\\s+"))).collect(java.util.stream.Collectors.toSet()));

  private ReservedWords() {}

  static boolean contains(String word) {
    return ALL.contains(word.toLowerCase(Locale.ROOT));
  }
}
