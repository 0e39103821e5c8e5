package dev.archforge.deliverable.grpc;

import dev.archforge.model.BlueprintDefaults;
import java.util.List;

/**
 * The fields of a List request after Google's API design guide (AIP-158 pagination, AIP-160
 * filtering, AIP-132 ordering), with the page sizes of the blueprint.
 */
final class Paging {
  private final int defaultSize;
  private final int maxSize;

  Paging(BlueprintDefaults defaults) {
    this.defaultSize = defaults.pageSizeDefault();
    this.maxSize = defaults.pageSizeMax();
  }

  /** page_size, page_token, filter and order_by of a list of {@code plural} (in prose). */
  List<ProtoFieldView> request(String plural, List<String> filterFields, List<String> sortFields,
      String defaultOrder) {
    String filter = filterFields.isEmpty()
        ? "Reserved for filtering; " + plural + " have no field to filter on yet, so leave it empty."
        : "Only the " + plural + " that match, in AIP-160 filter syntax: comparisons with = on "
            + String.join(", ", filterFields) + ", joined with AND, such as " + filterFields.get(0)
            + " = \"...\". Empty for all.";
    return List.of(
        new ProtoFieldView(Comment.lines("The most " + plural + " to return: 1 to " + maxSize + "; 0 means "
            + defaultSize + " and larger values are treated as " + maxSize + "."), null, "int32", "page_size", 1),
        new ProtoFieldView(Comment.lines("The next_page_token of the previous response; empty for the first "
            + "page. A token is only valid with the same filter and order_by."), null, "string", "page_token", 2),
        new ProtoFieldView(Comment.lines(filter), null, "string", "filter", 3),
        new ProtoFieldView(Comment.lines("The order: a comma-separated list of " + String.join(", ", sortFields)
            + ", each optionally followed by desc. Default: " + defaultOrder + ". Ties are broken by id, so "
            + "pages never overlap."), null, "string", "order_by", 4));
  }

  String summary() {
    return "List RPCs return one page at a time: page_size up to " + maxSize + " (default " + defaultSize
        + "); pass next_page_token as page_token to get the next page until it comes back empty.";
  }
}
