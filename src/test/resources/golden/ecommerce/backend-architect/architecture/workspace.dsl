workspace "Acme Shop" "Online store selling electronics across the EU." {
    !identifiers flat
    !adrs "../decisions" madr

    model {
        role_customer = person "customer" "Signs in with the role customer"
        role_staff = person "staff" "Signs in with the role staff"
        role_admin = person "admin" "Signs in with the role admin"
        anonymous_users = person "Anonymous visitors" "Use the public endpoints without credentials"
        system = softwareSystem "Acme Shop" "Online store selling electronics across the EU." {
            app_shop = container "shop" "Modules: catalog, orders, inventory" "java, modular monolith" "Deployable" {
                properties {
                    "archforge.services" "catalog orders inventory"
                }
            }
            db_shop = container "shop database" "One schema per module: catalog, orders, inventory" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "catalog orders inventory"
                }
            }
            cache = container "Cache" "Read-through cache of hot entities" "Redis" "Database" {
                properties {
                    "archforge.services" "catalog orders inventory"
                }
            }
            broker = container "Event broker" "Topics: OrderPlaced, ProductPriceChanged" "Kafka" "Queue" {
                properties {
                    "archforge.services" "catalog orders inventory"
                }
            }
        }
        idp = softwareSystem "Identity provider" "Signs users in and issues the tokens the APIs accept" "External"

        role_customer -> app_shop "Uses" "HTTPS"
        role_staff -> app_shop "Uses" "HTTPS"
        role_admin -> app_shop "Uses" "HTTPS"
        anonymous_users -> app_shop "Uses" "HTTPS"
        app_shop -> idp "Validates tokens" "JWKS"
        app_shop -> db_shop "Reads and writes, outbox table outbox_event" "SQL"
        app_shop -> cache "Reads through" "Redis protocol"
        app_shop -> broker "Publishes ProductPriceChanged, OrderPlaced" "Kafka"
        broker -> app_shop "Delivers OrderPlaced" "Kafka"

        dev = deploymentEnvironment "dev" {
            dev_region_1 = deploymentNode "us-east-1" "" "Amazon Web Services" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_shop
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_shop
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
                deploymentNode "Managed Kafka" "" "Kafka" {
                    containerInstance broker
                }
            }
        }

        staging = deploymentEnvironment "staging" {
            staging_region_1 = deploymentNode "us-east-1" "" "Amazon Web Services" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_shop
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_shop
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
                deploymentNode "Managed Kafka" "" "Kafka" {
                    containerInstance broker
                }
            }
        }

        prod = deploymentEnvironment "prod" {
            prod_region_1 = deploymentNode "us-east-1" "" "Amazon Web Services" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_shop
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_shop
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
                deploymentNode "Managed Kafka" "" "Kafka" {
                    containerInstance broker
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
        deployment system dev "dev-region-1" "Deployment of Acme Shop: dev, us-east-1" {
            include dev_region_1
            autolayout lr
        }
        deployment system staging "staging-region-1" "Deployment of Acme Shop: staging, us-east-1" {
            include staging_region_1
            autolayout lr
        }
        deployment system prod "prod-region-1" "Deployment of Acme Shop: prod, us-east-1" {
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
