workspace "notes" "The architecture of notes" {
    !identifiers flat
    !adrs "../decisions" madr

    model {
        role_user = person "user" "Signs in with the role user"
        system = softwareSystem "notes" "" {
            app_notes = container "notes" "Modules: notes" "java, modular monolith" "Deployable" {
                properties {
                    "archforge.services" "notes"
                }
            }
            db_notes = container "notes database" "One schema per module: notes" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "notes"
                }
            }
        }
        idp = softwareSystem "Identity provider" "Signs users in and issues the tokens the APIs accept" "External"

        role_user -> app_notes "Uses" "HTTPS"
        app_notes -> idp "Validates tokens" "JWKS"
        app_notes -> db_notes "Reads and writes" "SQL"

        dev = deploymentEnvironment "dev" {
            dev_region_1 = deploymentNode "us-east-1" "" "the chosen cloud" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_notes
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_notes
                }
            }
        }

        staging = deploymentEnvironment "staging" {
            staging_region_1 = deploymentNode "us-east-1" "" "the chosen cloud" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_notes
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_notes
                }
            }
        }

        prod = deploymentEnvironment "prod" {
            prod_region_1 = deploymentNode "us-east-1" "" "the chosen cloud" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_notes
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_notes
                }
            }
        }
    }

    views {
        systemContext system "context" {
            include *
            autolayout lr
        }
        container system "containers" {
            include *
            autolayout lr
        }
        deployment system dev "dev-region-1" "Deployment of notes: dev, us-east-1" {
            include dev_region_1
            autolayout lr
        }
        deployment system staging "staging-region-1" "Deployment of notes: staging, us-east-1" {
            include staging_region_1
            autolayout lr
        }
        deployment system prod "prod-region-1" "Deployment of notes: prod, us-east-1" {
            include prod_region_1
            autolayout lr
        }
        styles {
            element "Person" {
                shape person
            }
            element "Database" {
                shape cylinder
            }
            element "Queue" {
                shape pipe
            }
            element "External" {
                background #999999
            }
        }
    }
}
