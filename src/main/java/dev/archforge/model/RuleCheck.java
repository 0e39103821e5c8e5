package dev.archforge.model;

import dev.archforge.condition.Condition;

/**
 * A check on the decided plan: when its condition holds, the combination of choices is one the
 * deliverables cannot honour ({@code error}) or one a person should look at ({@code warning}).
 *
 * @param message with {@code {fact.name}} placeholders filled from the facts
 */
public record RuleCheck(String id, Condition when, boolean error, String message, String source) {}
