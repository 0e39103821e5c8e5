package dev.archforge.deliverable.graphql;

import dev.archforge.model.BlueprintDefaults;
import java.util.List;

/**
 * Forward cursor pagination after the Relay connection spec: {@code first} and {@code after}
 * arguments bounded by the blueprint's page sizes, and the shared {@code PageInfo} and
 * {@code OrderDirection} types.
 */
final class Paging {
  private final int defaultSize;
  private final int maxSize;

  Paging(BlueprintDefaults defaults) {
    this.defaultSize = defaults.pageSizeDefault();
    this.maxSize = defaults.pageSizeMax();
  }

  /** {@code first} and {@code after} of a list of {@code plural} (in prose). */
  List<ArgView> args(String plural) {
    return List.of(
        new ArgView(Doc.of("How many " + plural + " to return: 1 to " + maxSize + "; default " + defaultSize
            + ". A larger number is an error."), "first", "Int", String.valueOf(defaultSize)),
        new ArgView(Doc.of("The endCursor of the previous page; leave it out for the first page."), "after",
            "String", null));
  }

  String summary() {
    return "lists are Relay connections read forward: ask for up to " + maxSize + " items with first (default "
        + defaultSize + "), then pass pageInfo.endCursor as after to get the next page while "
        + "pageInfo.hasNextPage is true. Cursors are opaque and only valid with the same filter and order.";
  }

  TypeView pageInfo() {
    return TypeView.object("Where a page is in the whole list.", "PageInfo", List.of(
        FieldView.of("Whether more items follow this page.", "hasNextPage", "Boolean!"),
        FieldView.of("Whether items come before this page. Lists are read forward, so this is false on the "
            + "first page and may be false on later ones.", "hasPreviousPage", "Boolean!"),
        FieldView.of("The cursor of the page's first item; null when the page is empty.", "startCursor",
            "String"),
        FieldView.of("The cursor of the page's last item, to pass as after; null when the page is empty.",
            "endCursor", "String")));
  }

  EnumView direction() {
    return new EnumView(Doc.of("The direction of an order."), "OrderDirection", List.of(
        new EnumView.EnumValueView(Doc.of("Smallest, earliest or first in the alphabet first."), "ASC"),
        new EnumView.EnumValueView(Doc.of("Largest, latest or last in the alphabet first."), "DESC")));
  }
}
