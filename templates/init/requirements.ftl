<#-- The starter file of `archforge init`. Model: StarterView (name is checked against the project name rule). -->
# yaml-language-server: $schema=https://archforge.dev/schema/requirements-v1.json
# A requirements file for archforge, format 1. Run `archforge schema` for the full schema;
# an editor with the YAML language server shows help for every key while you type.
archforge: 1                      # format version, required

project:
  name: ${model.name}                 # [a-z][a-z0-9-]{1,39}; used in file, image and k8s names
  title: ${model.title}
  description: What the system does, for whom, in one or two sentences.
  cloud: any                      # aws | gcp | azure | any
  team:
    size: 5                       # people building it
    languages: [java]             # java | kotlin | go | node | python
  # budget:
  #   monthlyUsd: 5000            # infrastructure budget per month
  # owner: group:${model.name}-team   # who owns it (Backstage group or user); this is the default

scale:                            # every key optional; what is missing is assumed and listed as an open question
  concurrentUsers: 1000
  # peakRps: 200                  # derived from concurrentUsers when missing
  readRatio: 0.8                  # share of requests that are reads
  availability: 99.9              # percent
  # latencyP99Ms: 300
  # dataGb: 10
  # growthGbPerMonth: 1
  # regions: 1                   # regions serving traffic
  # multiRegionWrites: false      # every region takes writes that survive losing a region (distributed SQL)

compliance: []                    # gdpr | pci-dss | hipaa | soc2 | iso27001
dataResidency: []                 # eu | us | uk | ca | au | jp | in | ch: each one's users' data stays in its regions

security:
  authentication: oidc            # oidc | jwt | api-key | mtls | none
  roles: [user, admin]

services:                         # key = service name
  items:
    description: Manages items.
    api: rest                     # rest | graphql | grpc
    exposure: public              # public | internal
    entities: [Item]              # the entities this service owns
    # owner: group:${model.name}-team # default: project.owner
    access:
      Item: { read: [user, admin], write: [admin] }

entities:                         # key = entity name, PascalCase
  Item:
    description: Something the system keeps track of.
    fields:                       # key = field name, camelCase
      name:   { type: string, maxLength: 200, required: true, unique: true }
      status: { type: enum, values: [draft, active, retired], default: draft }
      notes: text                 # short form: just the type
    states: status                # this enum field is a state machine: clients never write it
    operations:                   # domain operations beyond create, read, update and delete
      retire:                     # POST /items/{itemId}/retire
        description: The item is no longer offered.
        from: [draft, active]     # the states it may start from; any other answers 409
        to: retired
        roles: [admin]

# events:                         # key = event name, PascalCase
#   ItemRetired:
#     ratePerSecond: 2            # peak rate; without it, derived from the writes of Item
#     fields:
#       itemId: { type: uuid, required: true }

# decisions:                      # your word on a topic beats the drafted one
#   api-versioning: url
