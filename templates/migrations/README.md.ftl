<#-- db/README.md: how to run the migrations and the conventions of the tables. Model: DbReadmeView. -->
# Database migrations — ${model.title}

<#if model.database == "cassandra">
The `database` decision is **cassandra**. Each service that owns entities has `db/<service>/schema.cql`:
its keyspace (NetworkTopologyStrategy, three replicas in each region's datacenter) and its tables,
designed query first from the access patterns the API implies — one table per query: read by id,
the records of one parent (a many-to-one relation) newest first, find by a unique field, and list by
an enum or indexed field a month at a time (`bucket_month`, `yyyy-MM`, bounds each partition). The
partition key, clustering columns and clustering order of each table are stated in it, with the
access pattern it serves. Each write goes to every table of its entity in one logged batch; reads use
LOCAL_QUORUM. Apply a file with `cqlsh -f db/<service>/schema.cql`; it only creates what is missing.

## When the requirements change

schema.cql is never rewritten: regenerate, and archforge adds `db/<service>/migrations/V<n>__<what
changed>.cql` (from V2) with only the difference between the model the earlier files create (kept in
`.archforge/schema/<service>.cql.json`) and the one the requirements now describe. Apply the files in
order with `cqlsh -f`. A new entity or access pattern is a new table (a new query table of an existing
entity starts empty: the file says to backfill it from `<entity>_by_id`), a new field a column added to
each table of its entity. Cassandra can change neither a primary key nor a column's type: such a
table is dropped and created anew, and the file says how to export its rows first and backfill it.
That, and a dropped table or column, stops the run (exit code 4, nothing written) until
`archforge generate --allow-destructive`; each such statement is then written below
`-- archforge:disable-next=migration/destructive (consented: <code>)`. The codes:

| Code | Change | Needs `--allow-destructive` |
|---|---|---|
<#list model.codes as c>
| ${c.code} | ${c.title} | <#if c.needsConsent>yes<#else>no</#if> |
</#list>
<#elseif model.database == "dynamodb">
The `database` decision is **dynamodb**. Each service that owns entities has `db/<service>/dynamodb.json`:
one table per service (single-table design: a service's reads that span its entities, a parent with its
children or both sides of a link, are one Query, and capacity, backups and alarms are one resource), with
overloaded global secondary indexes `GSI1`, `GSI2` … that each entity uses for its own list patterns.
`table` is the input of CreateTable (`aws dynamodb create-table --cli-input-json "$(jq .table
db/<service>/dynamodb.json)"`); `items` says how each entity's keys are built (`ORDER#<id>`; a tenant's
records start with `T#<tenant>#`); `accessPatterns` lists every read the API implies with the index it
reads and its key condition: get by id, the children of one parent newest first, find by a unique field
(a uniqueness item put with `attribute_not_exists(PK)` in the transaction that writes the record: DynamoDB
has no unique constraint), an enum or indexed field's filter a month at a time (`<yyyy-MM>` bounds each
partition), and many-to-many links as adjacency items read from the other side through the `inverted`
index. Billing is on demand below 1,000 writes/s at peak, provisioned above (CAPACITY.md's peak rates).
`continuousBackups`, when the backup-dr decision keeps point-in-time recovery, turns it on right after
CreateTable (`aws dynamodb update-continuous-backups --cli-input-json "$(jq .continuousBackups
db/<service>/dynamodb.json)"`): CreateTable cannot. On aws, infra/'s `modules/backup` keeps a daily AWS Backup
of every table and copies it to the recovery region where the plan asks (`backups-reach-recovery-region`).

## When the requirements change

dynamodb.json always shows the design the requirements describe; its `changelog` keeps, version by
version, what changed since the run before (compared with the design kept in
`.archforge/schema/<service>.dynamodb.json`) and whether DynamoDB makes it online. A new index is
added online (UpdateTable); a new index attribute on an entity's items needs a job that sets it on the
items written before. A change of how an entity's PK or SK is built (the table's key) is not online: a
new table and a migration that copies every item with its new keys. That, and removing an entity's
items, stops the run (exit code 4, nothing written) until `archforge generate --allow-destructive`.
The codes:

| Code | Change | Needs `--allow-destructive` |
|---|---|---|
<#list model.codes as c>
| ${c.code} | ${c.title} | <#if c.needsConsent>yes<#else>no</#if> |
</#list>
<#elseif !model.supported>
The `database` decision is **${model.database}**, which is not a SQL database. archforge does not
write its collections' validators and indexes yet, so there are no migrations here: design the
${model.database} schema from the access patterns by hand, or decide `database: postgresql` (or
`mysql`) to get versioned SQL migrations.
<#else>
Versioned SQL for ${model.dialect}, one folder per service that owns entities, named as
[Flyway](https://documentation.red-gate.com/flyway) expects (`V<version>__<description>.sql`).
<#if model.database == "distributed-sql">

The `database` decision is **distributed-sql**: CockroachDB, spread over the serving regions and
created with `SURVIVE REGION FAILURE`. The migrations are PostgreSQL SQL without what CockroachDB
does not support, so the embedded PostgreSQL of `archforge validate --db` and `docker compose` on a
laptop run them unchanged, and the generator checks every file for those constructs:

- No sequence or identity column as a key (`serial`, `GENERATED … AS IDENTITY`, `CREATE SEQUENCE`,
  `nextval`): a sequence is one range that every insert in every region writes to. Ids are UUIDs
  filled by `gen_random_uuid()`; an entity with `id: long` gets a `bigint` key that the service
  assigns (a time-ordered 64-bit id), never the database.
- No `CREATE EXTENSION`, exclusion constraints, advisory locks (`pg_advisory_lock`), `LISTEN`/`NOTIFY`,
  temporary or unlogged tables: CockroachDB has none of them.
- The regions, the survival goal and `REGIONAL BY ROW` tables are set on the cluster by the platform
  team (`ALTER DATABASE … SET PRIMARY REGION`, `ADD REGION`, `SURVIVE REGION FAILURE`), not in these
  files, which must also run on PostgreSQL.
- CockroachDB runs schema changes online in the background; keep each migration's DDL apart from
  data changes, and retry a transaction that fails with SQLSTATE 40001 (serialization).
</#if>
<#if model.monolith>
The services are modules of one deployable, so they share one database, `${model.deployable?no_esc}`,
with one schema per module. Each module keeps its own migrations and its own Flyway history table in
its schema, so a module can later move to a database of its own unchanged.
<#else>
Each service has a database of its own; its migrations name no schema, so they run the same in a
dedicated database or in a schema of a shared server.
</#if>

| Service | Migrations | <#if model.monolith>Schema<#else>Database</#if> | Tables |
|---|---|---|---|
<#list model.services as s>
| ${s.service} | `${s.folder?no_esc}` | `${s.schema?no_esc}` | <#list s.tables as t>`${t?no_esc}`<#sep>, </#list> |
</#list>

## Run them

```sh
<#list model.services as s>
flyway -url=<jdbc-url> -user=<user> -schemas=${s.schema?no_esc} -locations=filesystem:${s.folder?no_esc} migrate
</#list>
```

The files hold no placeholder syntax, so Flyway's placeholder replacement (on by default) and any
other runner leave them as they are: a description or default holding a dollar sign followed by a
brace keeps that text in the database, but the literal spells it `\x24{` in an `E'...'` string
(PostgreSQL) or `$\{` (MySQL, MariaDB).

`archforge validate <workspace> --db` applies every folder to a throwaway PostgreSQL (or to
`--jdbc-url`) and names the file and line of a statement the database refuses, or the file that
changed since Flyway applied it.

## When the requirements change

A migration that has run anywhere is never edited, and archforge never rewrites one: change the
requirements and regenerate, and archforge writes the difference as the next `V<n>__` file. It
compares the new tables with the schema the earlier migrations produce (kept in
`.archforge/schema/<service>.json`): new and dropped tables, columns, types, nullability, defaults,
unique keys, checks, indexes, foreign keys and join tables.

Renames are never guessed. Give a renamed field or entity its former name, `renamedFrom: oldName`,
and the column or table is renamed with its data; without it, the old one is dropped and a new
one created. <#if model.expandContract>At this project's availability (99.9 % or more) a renamed
column is written as expand/contract: the expand migration adds the new column beside the old one
and copies the data, so the version still running keeps working while the new one writes both
columns; once no old version runs, remove `renamedFrom` and the next migration fills what is left
and drops the old column.

A type change the running version cannot write in place (anything but a widening: integer to
string, string to number, a shorter length, date to timestamp) is expand/contract too. The expand
migration (EC103) adds `<column>__next` with the new type beside the old column, nullable, and
fills it with the cast value; the old column keeps its type and keys, so the old version's writes
still work. Until the contract the new version writes both columns (dual writes). The name is the
column's name and `__next`, cut to 63 characters with a hash like every name; a field's column never
holds two underscores in a row, so it never clashes with one. The change stays pending in
`.archforge/schema/<service>.json`, and the next run stops (exit code 4, nothing written) with
EC104 until it is given `--allow-destructive`, your word that no old version runs any more; it then
writes the contract: fill what the old version wrote meanwhile, drop the old column and its keys,
rename `<column>__next` to `<column>`, and add the keys the new type has.<#else>Below 99.9 %
availability a renamed column is renamed in place (`ALTER TABLE ... RENAME COLUMN`) and a type
changes in place (`ALTER ... TYPE` / `MODIFY`); from 99.9 % on, archforge writes both as
expand/contract (the new column beside the old one first, the old one dropped in a later run:
without `renamedFrom`, or, for a type change, the next run given `--allow-destructive`).</#if>

A change that destroys data or may fail on the data already there stops the run (exit code 4,
nothing written) and is listed with its code; `archforge generate --allow-destructive` writes it,
and the migration's header lists each such statement with its code. The codes:

| Code | Change | Needs `--allow-destructive` |
|---|---|---|
<#list model.codes as c>
| ${c.code} | ${c.title} | <#if c.needsConsent>yes<#else>no</#if> |
</#list>

## Naming

One rule, the same in the migrations, the ERD of ARCHITECTURE.md and this file: table and column
names are the snake_case of the requirements' names (`OrderLine` → `order_line`, `fullName` →
`full_name`); a name that is a reserved word of PostgreSQL, MySQL or MariaDB gets a trailing
underscore (`Order` → `order_`, `from` → `from_`); a name longer than 63 characters is cut and ends
in `_` and 8 hex digits of its SHA-256, so it is the same on every run. Nothing is ever quoted.
Keys and indexes are `pk_`, `fk_`, `uq_`, `ck_` and `ix_` with the table and columns. A relation's
column is its name and `_id` (`invitedBy` → `invited_by_id`); a many-to-many relation gets the join
table of both names (`Member.teams` → `member_team`). The API contracts keep the requirements'
camelCase for JSON properties.

## Columns every table follows

- `id`: a UUID the database fills in when the service does not, or a bigint <#if model.database == "distributed-sql">the service assigns<#else>identity</#if> for `id: long`.
- `created_at`, `updated_at` (entities with `audit`): UTC timestamps; the service sets `updated_at` on every update.
- `deleted_at` (entities with `softDelete`): set instead of deleting. Unique keys and list indexes
  cover live rows only (partial indexes on PostgreSQL; on MySQL a generated `live_key` column in each
  unique key), so a deleted row's unique values can be used again.
- `lock_version` (entities someone may update): optimistic locking; an update that matches no row lost a race.
- Enums are text with a CHECK of the allowed values; min, max and lengths are CHECKs too.
- Foreign keys: a required relation is `ON DELETE RESTRICT` (delete or re-point the children first), an
  optional one `ON DELETE SET NULL`; join-table rows are `ON DELETE CASCADE`. Every foreign key has an index.
- Indexes: unique and indexed fields, the fields the list operations filter and sort by (enums,
  `created_at`, `updated_at`, each with `id` for stable cursor paging), foreign keys and tenant keys.
<#if model.tenancy??>

## Tenants

The requirements describe a multi-tenant system (the project speaks of tenants, or entities carry
a tenant field). Every table except the tenant entity's own (`Tenant` or `Organization`) is scoped
by its tenant key: a `tenantId`, `organizationId` or `orgId` field, else a relation to the tenant
entity, else an added `tenant_id` column:

<#list model.tenancy.scoped as s>
- `${s?no_esc}`
</#list>

<#if model.tenancy.rowLevelSecurity>
PostgreSQL enforces it with row-level security (enabled and forced): each transaction names its
tenant with `SET LOCAL app.tenant_id = '<tenant id>'`; without it, no rows are visible. Migrations
that change data need a role with BYPASSRLS. Join tables hold only the two keys of rows that are
themselves scoped.
<#else>
MySQL has no row-level security: every query of the services must filter by the tenant key, and
a test should prove that one tenant never reads another's rows.
</#if>
</#if>
<#if model.secrets?has_content>

## Secrets and personal data

These fields are never stored in clear; the column comments say so for each:

<#list model.secrets as s>
- ${s}
</#list>

Columns of fields marked `pii` carry a comment naming the data class (personal data), for data
catalogues and for the erasure and export of a data subject's records.
</#if>
<#if model.dialect?contains("MySQL")>

## MySQL and MariaDB

The SQL is MySQL 8.0.16+ syntax that MariaDB 10.11 runs as well. Differences to know: MariaDB
stores `json` as `longtext` with a `json_valid` CHECK; UUIDs are `char(36)`; timestamps are
`datetime(6)` holding UTC; texts longer than 768 characters are `text` with a length CHECK, indexed
by a 255-character prefix, and unique through a stored SHA-256 column. String literals escape
backslashes as MySQL's default `sql_mode` expects: do not run them with `NO_BACKSLASH_ESCAPES`.
</#if>
</#if>
