package dev.archforge.model;

/** {@code project.budget:} the monthly infrastructure budget, or null when none was given. */
public record Budget(Integer monthlyUsd) {}
