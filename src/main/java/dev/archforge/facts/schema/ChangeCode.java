package dev.archforge.facts.schema;

/**
 * The kinds of change a V2+ migration makes, each with a stable code (shaped like Atlas's lint
 * codes). DS: destroys data; MF: may fail on the data already there; BC: breaks the application
 * version still running; EC: the steps of an expand/contract change; SC: safe. A run that would
 * write a DS or MF change stops (exit 4) unless {@code --allow-destructive} consents. db/README.md
 * lists them.
 */
public enum ChangeCode {
  DS101("drop a table", true),
  DS102("drop a column", true),
  DS103("narrow or convert a column's type", true),
  MF101("make an existing column NOT NULL without a default to fill its NULLs", true),
  MF102("add a UNIQUE constraint over existing rows", true),
  MF103("add a NOT NULL column without a default to an existing table", true),
  MF104("add a CHECK or a FOREIGN KEY over existing rows (or narrow a check)", true),
  MF105("hash or encrypt an existing column: <column>__next is added empty, the application fills it from the"
      + " clear values (SQL cannot), and the contract step fails while a row is left unfilled", true),
  BC101("rename a column", false),
  BC102("rename a table", false),
  EC101("expand: add the renamed column beside the old one and copy the data", false),
  EC102("contract: drop the old column of an earlier expand", false),
  EC103("expand a type change: add <column>__next with the new type and fill it with the cast value", false),
  EC104("contract a type change: fill, drop the old column, rename <column>__next into place (once no old version"
      + " runs)", true),
  EC105("expand a table rename: rename the table and keep an updatable view under the old name", false),
  EC106("contract a table rename: drop the old name's view of an earlier expand", false),
  SC101("create a table", false),
  SC102("add a column", false),
  SC103("widen a column's type", false),
  SC104("drop NOT NULL", false),
  SC105("set, change or drop a default", false),
  SC106("add an index, or a key or check the existing rows already satisfy", false),
  SC107("drop an index, unique, check or foreign key", false),
  SC108("set NOT NULL after filling NULLs with the default", false),
  SC109("change a comment", false),
  SC110("recreate a generated helper column", false),
  SC111("recreate a renamed table's compatibility view around the migration's other changes", false),
  SC112("rename an index, unique key or foreign key after its table or column", false);

  private final String title;
  private final boolean needsConsent;

  ChangeCode(String title, boolean needsConsent) {
    this.title = title;
    this.needsConsent = needsConsent;
  }

  public String title() {
    return title;
  }

  /** Destroys data or may fail on existing data: the run stops unless {@code --allow-destructive} is given. */
  public boolean needsConsent() {
    return needsConsent;
  }
}
