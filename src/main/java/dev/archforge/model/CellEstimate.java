package dev.archforge.model;

import java.util.List;

/**
 * One residency cell's part of the estimate: its share of the users, traffic and data, the sizing
 * that share needs in the cell's own regions, and its bill.
 *
 * @param jurisdiction the cell's jurisdiction, as {@link Cell#jurisdiction()}
 * @param share the cell's fraction of the whole system's users, traffic and data
 * @param shareBasis where the share comes from, in words
 * @param capacity the cell's sizing: the system's figures × share, in its serving regions
 * @param items the cell's bill, largest first
 * @param totalUsd their sum
 */
public record CellEstimate(String jurisdiction, double share, String shareBasis, Capacity capacity,
    List<CostItem> items, double totalUsd) {
  public CellEstimate {
    items = List.copyOf(items);
  }
}
