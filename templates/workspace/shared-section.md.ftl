<#-- archforge's section of SHARED_PROGRESS.md. Model: ProgressView. -->
## backend-architect (archforge) — ${model.project}

Last run ${model.date} from ${model.input}: ${model.counts}.
Start with `backend-architect/CONTEXT.md` (decisions, assumptions, open questions).

Artifacts:

<#list model.artifacts as a>
- `backend-architect/${a?no_esc}`
</#list>

Open questions:

<#list model.openQuestions as q>
- ${q}
<#else>
- none
</#list>
<#if model.breakingChanges?has_content>

Breaking API changes in this run (clients of the contracts generated before may fail), with the other agents' files that use what changed:

<#list model.breakingChanges as b>
- ${b}
</#list>
</#if>
