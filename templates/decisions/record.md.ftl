<#-- One architecture decision record in MADR form. Model: DecisionRecordView. -->
<#assign d = model.decision>
<#-- "Good, because kMS-backed" no: an acronym keeps its capitals -->
<#function continued text><#return text?matches("^[A-Z][A-Z0-9].*", "s")?then(text, text?uncap_first)></#function>
---
status: ${model.status}
decided-by: ${d.origin}
topic: ${d.topic}
<#if model.supersedes??>
supersedes: "${model.supersedes?keep_before("-")}"
</#if>
---

# ${model.number}. ${d.title}: ${d.choice}
<#if model.supersedes??>

Supersedes: ${model.supersedes?keep_before("-")} ([${model.supersedes}](${model.supersedes?no_esc})), which recorded an
earlier decision on this topic and stays as the record of what was decided then, and why.
</#if>

## Context and problem statement

${d.question}

<#if d.origin == "user">
The requirements of `${model.project?no_esc}` decide this topic themselves (`decisions.${d.topic?no_esc}`).
<#else>
Drafted by archforge's rules from the requirements of `${model.project?no_esc}`; a person accepts or overrides it
under `decisions:` in the requirements file.
</#if>

## Decision drivers

The requirement values the rules read to reach this decision:

<#list d.drivenBy as v>
- `${v.key?no_esc}` = ${v.shown()}
<#else>
- none: this is the blueprint's default for every system
</#list>

## Considered options

<#list d.options as o>
- **${o.name}** — ${o.summary}
</#list>
<#if model.optionCosts?has_content>

The whole plan's estimated monthly cost under each option, on ${model.optionCosts[0].cloud} (CAPACITY.md
has every line, formula and price date): <#list model.optionCosts as c>${c.option} $${c.monthlyUsd}<#sep>, </#list>.
</#if>

## Decision outcome

Chosen option: **${d.choice}**, because:

<#list d.reasons as r>
- ${r}
</#list>
<#if d.drafted??>

The rules would have chosen **${d.drafted.choice}** (rule `${d.drafted.rule?no_esc}`)<#if d.drafted.choice == d.choice>, the same<#else>, because</#if>:

<#list d.drafted.reasons as r>
- ${r}
</#list>
</#if>

### Consequences

<#if model.chosen??>
<#list model.chosen.pros as p>
- Good, because ${continued(p)}
</#list>
<#list model.chosen.cons as c>
- Bad, because ${continued(c)}
</#list>
</#if>
<#list d.consequences as c>
- ${c}
</#list>
<#if model.breakingChanges?has_content>

This run's contracts break clients of the ones generated before them (a new major version, or a
migration plan for every client, is due):

<#list model.breakingChanges as b>
- `${b.contract?no_esc}` (${b.service}): ${b.change}
</#list>
</#if>

## Pros and cons of the other options

<#list model.others as o>
### ${o.name}

${o.summary}

<#list o.pros as p>
- Good, because ${continued(p)}
</#list>
<#list o.cons as c>
- Bad, because ${continued(c)}
</#list>

<#else>
None: the blueprint describes only the chosen option.

</#list>
## More information

Rules tried, in order (the first that holds decides):

| Rule | Condition | Chooses | Held | Written in |
|---|---|---|---|---|
<#list d.trace as t>
| `${t.rule?no_esc}` | `${t.condition?replace("|", "\\|")?no_esc}` | ${t.choice} | <#if t.held>yes<#else>no: ${t.failed?join("; ")}</#if> | ${t.source} |
</#list>

Explain it again with `archforge explain <requirements> ${d.topic?no_esc}`.<#if model.previous??> Previous: [${model.previous}](${model.previous?no_esc}).</#if><#if model.next??> Next: [${model.next}](${model.next?no_esc}).</#if>
