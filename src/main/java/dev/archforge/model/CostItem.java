package dev.archforge.model;

/**
 * One line of the monthly cost estimate.
 *
 * @param component what is paid for, e.g. {@code Kubernetes worker nodes}
 * @param sizing how much of it, e.g. {@code 14 pods × 0.5 vCPU, 1 GiB}
 * @param monthlyUsd the estimate
 * @param formula how the figure is computed from the price table
 * @param priceDate the day the prices it uses were checked (the oldest, when it uses several)
 */
public record CostItem(String component, String sizing, double monthlyUsd, String formula, String priceDate) {}
