workspace "Rides" "A ride-hailing platform matching riders with nearby drivers in one metropolitan area." {
    !identifiers flat
    !adrs "../decisions" madr

    model {
        role_rider = person "rider" "Signs in with the role rider"
        role_driver = person "driver" "Signs in with the role driver"
        role_dispatcher = person "dispatcher" "Signs in with the role dispatcher"
        role_admin = person "admin" "Signs in with the role admin"
        system = softwareSystem "Rides" "A ride-hailing platform matching riders with nearby drivers in one metropolitan area." {
            app_rides = container "rides" "Modules: trips, drivers, payments" "java, modular monolith" "Deployable" {
                properties {
                    "archforge.services" "trips drivers payments"
                }
            }
            db_rides = container "rides database" "One schema per module: trips, drivers, payments" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "trips drivers payments"
                }
            }
            cache = container "Cache" "Read-through cache of hot entities" "Redis" "Database" {
                properties {
                    "archforge.services" "trips drivers payments"
                }
            }
        }
        idp = softwareSystem "Identity provider" "Signs users in and issues the tokens the APIs accept" "External"

        role_rider -> app_rides "Uses" "HTTPS"
        role_driver -> app_rides "Uses" "HTTPS"
        role_dispatcher -> app_rides "Uses" "HTTPS"
        role_admin -> app_rides "Uses" "HTTPS"
        app_rides -> idp "Validates tokens" "JWKS"
        app_rides -> db_rides "Reads and writes, outbox table event_publication" "SQL"
        app_rides -> cache "Reads through" "Redis protocol"

        dev = deploymentEnvironment "dev" {
            dev_region_1 = deploymentNode "us-east-1" "" "Amazon Web Services" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_rides
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_rides
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
            }
        }

        staging = deploymentEnvironment "staging" {
            staging_region_1 = deploymentNode "us-east-1" "" "Amazon Web Services" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_rides
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_rides
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
            }
        }

        prod = deploymentEnvironment "prod" {
            prod_region_1 = deploymentNode "us-east-1" "" "Amazon Web Services" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_rides
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_rides
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
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
        deployment system dev "dev-region-1" "Deployment of Rides: dev, us-east-1" {
            include dev_region_1
            autolayout lr
        }
        deployment system staging "staging-region-1" "Deployment of Rides: staging, us-east-1" {
            include staging_region_1
            autolayout lr
        }
        deployment system prod "prod-region-1" "Deployment of Rides: prod, us-east-1" {
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
