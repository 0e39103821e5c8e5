<#-- security/ASVS.md: OWASP ASVS 4.0.3 and API Security Top 10 2023, control by control. Model: AsvsView. -->
# Security verification — ${model.title}

The OWASP Application Security Verification Standard (ASVS) 4.0.3 requirements that apply to this
design, up to the chosen level, each mapped to what meets it; then the OWASP API Security Top 10
(2023). Status:

- **Met**: a generated artifact meets it (a contract, the authorization matrix, the threat model,
  the classification table).
- **Specified**: [SECURITY.md](SECURITY.md) or a decision record specifies the control; the team
  builds it as specified.
- **Team**: nothing generated covers it; the row says what the team has to do.

## Level

**ASVS level ${model.level}.** ${model.levelReason}

The rule: level 3 when pci-dss or hipaa applies or data-protection is regulated; level 2 when any
field is marked pii or secret, or gdpr, soc2 or iso27001 applies; level 1 otherwise.

Of the ${model.met + model.specified + model.team} requirements below, ${model.met} are met by
generated artifacts, ${model.specified} are specified for the team and ${model.team} are the team's
alone.
<#list model.chapters as ch>

## ${ch.id} ${ch.name}

| Requirement | Level | What it asks | Status | Met by |
|---|---|---|---|---|
<#list ch.controls as c>
| ${c.id} | L${c.level} | ${c.gist} | ${c.status} | ${c.howMd?no_esc} |
</#list>
</#list>

## OWASP API Security Top 10 (2023)

| Risk | Name | Status | Met by |
|---|---|---|---|
<#list model.apiTop10 as c>
| ${c.id} | ${c.gist} | ${c.status} | ${c.howMd?no_esc} |
</#list>
