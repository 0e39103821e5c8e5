package dev.archforge.deliverable.security;

import java.util.List;

/**
 * What {@code security/SECURITY.md} shows, one {@link Section} per heading in a fixed order.
 * Fields named {@code ...Md} hold Markdown built from requirement names and fixed text.
 */
public record SecurityView(
    String title,
    String introMd,
    Section authentication,
    Section authorization,
    Section identity,
    Section secrets,
    Section encryption,
    Section classification,
    List<FieldRow> entityFields,
    List<EventRow> eventFields,
    Section logging,
    Section validation,
    Section scanning,
    Section compliance) {

  /**
   * The body of one section: paragraphs, then a bullet list, then a two-column table of settings
   * (each part may be empty).
   */
  public record Section(List<String> paragraphsMd, List<String> itemsMd, String tableHeading,
      List<Setting> settings) {
    public Section {
      paragraphsMd = List.copyOf(paragraphsMd);
      itemsMd = List.copyOf(itemsMd);
      settings = List.copyOf(settings);
    }

    static Section of(List<String> paragraphs, List<String> items) {
      return new Section(paragraphs, items, "", List.of());
    }
  }

  /** A field marked pii or secret: who owns it, where it is stored, how it is protected. */
  public record FieldRow(String entity, String field, String type, String service, String store, boolean pii,
      boolean secret, String level, String stored, String api, String logs) {}

  /** A field marked pii or secret that travels in an event. */
  public record EventRow(String event, String field, String level, List<String> publishers, List<String> consumers) {
    public EventRow {
      publishers = List.copyOf(publishers);
      consumers = List.copyOf(consumers);
    }
  }

  /** One row of a section's table: what, and the value or rule. */
  public record Setting(String name, String valueMd) {}
}
