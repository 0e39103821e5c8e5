<#-- The index of the decision records. Model: DecisionIndexView. -->
# Architecture decisions — ${model.title}

One record per decision topic, in [MADR](https://adr.github.io/madr/) form. Drafted records are
*proposed*: accept them, or override a topic under `decisions:` in the requirements file and
generate again; the user's decisions are *accepted*. A record is never rewritten once issued: when a
decision changes, a new record supersedes it, and the old one stays, *superseded by* the new one.

| Record | Topic | Choice | Status |
|---|---|---|---|
<#list model.rows as r>
| [${r.file}](${r.file?no_esc}) | ${r.title} | **${r.choice}** | ${r.status} |
</#list>
