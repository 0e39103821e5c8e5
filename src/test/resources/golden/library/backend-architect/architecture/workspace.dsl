workspace "City Library" "Lending books to the members of a city library." {
    !identifiers flat
    !adrs "../decisions" madr

    model {
        role_member = person "member" "Signs in with the role member"
        role_librarian = person "librarian" "Signs in with the role librarian"
        anonymous_users = person "Anonymous visitors" "Use the public endpoints without credentials"
        system = softwareSystem "City Library" "Lending books to the members of a city library." {
            app_library = container "library" "Modules: lending, notices" "java, modular monolith" "Deployable" {
                properties {
                    "archforge.services" "lending notices"
                }
            }
            db_library = container "library database" "One schema per module: lending, notices" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "lending notices"
                }
            }
        }
        idp = softwareSystem "Identity provider" "Signs users in and issues the tokens the APIs accept" "External"

        role_member -> app_library "Uses" "HTTPS"
        role_librarian -> app_library "Uses" "HTTPS"
        anonymous_users -> app_library "Uses" "HTTPS"
        app_library -> idp "Validates tokens" "JWKS"
        app_library -> db_library "Reads and writes, outbox table event_publication" "SQL"

        dev = deploymentEnvironment "dev" {
            dev_region_1 = deploymentNode "us-east-1" "" "the chosen cloud" {
                deploymentNode "Virtual machines" "" "vm" {
                    containerInstance app_library
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_library
                }
            }
        }

        staging = deploymentEnvironment "staging" {
            staging_region_1 = deploymentNode "us-east-1" "" "the chosen cloud" {
                deploymentNode "Virtual machines" "" "vm" {
                    containerInstance app_library
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_library
                }
            }
        }

        prod = deploymentEnvironment "prod" {
            prod_region_1 = deploymentNode "us-east-1" "" "the chosen cloud" {
                deploymentNode "Virtual machines" "" "vm" {
                    containerInstance app_library
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_library
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
        deployment system dev "dev-region-1" "Deployment of City Library: dev, us-east-1" {
            include dev_region_1
            autolayout lr
        }
        deployment system staging "staging-region-1" "Deployment of City Library: staging, us-east-1" {
            include staging_region_1
            autolayout lr
        }
        deployment system prod "prod-region-1" "Deployment of City Library: prod, us-east-1" {
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
