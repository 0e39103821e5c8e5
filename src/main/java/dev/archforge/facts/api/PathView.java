package dev.archforge.facts.api;

import java.util.List;

/**
 * One path item.
 *
 * @param path the path template, e.g. {@code /products/{productId}}
 * @param parameters path-level parameters (the item id), empty for collections
 * @param operations in the order get, post, patch, delete
 */
public record PathView(String path, List<ParameterView> parameters, List<OperationView> operations) {
  public PathView {
    parameters = List.copyOf(parameters);
    operations = List.copyOf(operations);
  }
}
