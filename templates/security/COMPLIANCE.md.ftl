<#-- security/COMPLIANCE.md: one section per compliance regime of the requirements. Model: ComplianceView. -->
# Compliance — ${model.title}

For each regime named under `compliance:`, the requirements that bear on the design: **Met** by a
generated artifact, **Specified** in [SECURITY.md](SECURITY.md) or a decision record for the team to
build, or **Team** when nothing generated covers it. A design cannot be certified; this is the
starting point for the audit, not its result.
<#list model.regimes as r>

## ${r.heading}

${r.scopeMd?no_esc}

| Requirement | Subject | Status | How |
|---|---|---|---|
<#list r.rows as row>
| ${row.requirement} | ${row.subject} | ${row.status} | ${row.howMd?no_esc} |
</#list>

<#list r.remainingMd>
What remains for the team:

<#items as m>
- ${m}
</#items>
<#else>
Nothing remains outside the generated and specified controls.
</#list>
</#list>
