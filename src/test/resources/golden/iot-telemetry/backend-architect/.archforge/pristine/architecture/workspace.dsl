workspace "FleetPulse Telemetry" "Telemetry platform for about two million industrial sensors: devices push readings over HTTPS with per-device API keys, rules raise alerts within seconds, and operators explore aggregated history in dashboards." {
    !identifiers flat
    !adrs "../decisions" madr

    model {
        role_device = person "device" "Signs in with the role device"
        role_operator = person "operator" "Signs in with the role operator"
        role_analyst = person "analyst" "Signs in with the role analyst"
        role_admin = person "admin" "Signs in with the role admin"
        system = softwareSystem "FleetPulse Telemetry" "Telemetry platform for about two million industrial sensors: devices push readings over HTTPS with per-device API keys, rules raise alerts within seconds, and operators explore aggregated history in dashboards." {
            app_ingest = container "ingest" "High-throughput HTTPS endpoint for devices: authenticates the device's API key, validates and stores readings, and publishes them for rules and analytics." "go, REST/HTTPS" "Deployable" {
                properties {
                    "archforge.services" "ingest"
                }
            }
            app_devices = container "devices" "Device registry, groups, API keys and firmware releases." "java, REST/HTTPS" "Deployable" {
                properties {
                    "archforge.services" "devices"
                }
            }
            app_alerts = container "alerts" "Evaluates alert rules against the reading stream and tracks alerts until resolved." "go, gRPC" "Deployable" {
                properties {
                    "archforge.services" "alerts"
                }
            }
            app_analytics = container "analytics" "Rolls readings up into hourly aggregates and serves history to dashboards." "java, REST/HTTPS" "Deployable" {
                properties {
                    "archforge.services" "analytics"
                }
            }
            db_ingest = container "ingest database" "Reading" "Cassandra" "Database" {
                properties {
                    "archforge.services" "ingest"
                }
            }
            db_devices = container "devices database" "Device, DeviceGroup, Firmware" "Cassandra" "Database" {
                properties {
                    "archforge.services" "devices"
                }
            }
            db_alerts = container "alerts database" "Alert, AlertRule" "Cassandra" "Database" {
                properties {
                    "archforge.services" "alerts"
                }
            }
            db_analytics = container "analytics database" "HourlyAggregate, Dashboard" "Cassandra" "Database" {
                properties {
                    "archforge.services" "analytics"
                }
            }
            cache = container "Cache" "Read-through cache of hot entities" "Redis" "Database" {
                properties {
                    "archforge.services" "ingest devices alerts analytics"
                }
            }
            broker = container "Event broker" "Topics: ReadingReceived, AlertRaised, AlertResolved, DeviceRegistered, FirmwareReleased" "Kafka" "Queue" {
                properties {
                    "archforge.services" "ingest devices alerts analytics"
                }
            }
        }

        role_device -> app_ingest "Uses" "HTTPS"
        role_device -> app_devices "Uses" "HTTPS"
        role_device -> app_analytics "Uses" "HTTPS"
        role_operator -> app_ingest "Uses" "HTTPS"
        role_operator -> app_devices "Uses" "HTTPS"
        role_operator -> app_analytics "Uses" "HTTPS"
        role_analyst -> app_ingest "Uses" "HTTPS"
        role_analyst -> app_devices "Uses" "HTTPS"
        role_analyst -> app_analytics "Uses" "HTTPS"
        role_admin -> app_ingest "Uses" "HTTPS"
        role_admin -> app_devices "Uses" "HTTPS"
        role_admin -> app_analytics "Uses" "HTTPS"
        app_ingest -> db_ingest "Reads and writes, outbox table outbox_event" "CQL"
        app_ingest -> cache "Reads through" "Redis protocol"
        app_devices -> db_devices "Reads and writes, outbox table outbox_event" "CQL"
        app_devices -> cache "Reads through" "Redis protocol"
        app_alerts -> db_alerts "Reads and writes, outbox table outbox_event" "CQL"
        app_alerts -> cache "Reads through" "Redis protocol"
        app_analytics -> db_analytics "Reads and writes" "CQL"
        app_analytics -> cache "Reads through" "Redis protocol"
        app_ingest -> app_devices "Calls" "REST/HTTPS"
        app_alerts -> app_devices "Calls" "REST/HTTPS"
        app_ingest -> broker "Publishes ReadingReceived" "Kafka"
        app_devices -> broker "Publishes DeviceRegistered, FirmwareReleased" "Kafka"
        app_alerts -> broker "Publishes AlertRaised, AlertResolved" "Kafka"
        broker -> app_devices "Delivers AlertRaised" "Kafka"
        broker -> app_alerts "Delivers ReadingReceived, DeviceRegistered" "Kafka"
        broker -> app_analytics "Delivers ReadingReceived, AlertRaised, AlertResolved, FirmwareReleased" "Kafka"

        dev = deploymentEnvironment "dev" {
            dev_region_1 = deploymentNode "us-east-1" "" "the chosen cloud" {
                deploymentNode "Kubernetes cluster" "" "kubernetes" {
                    containerInstance app_ingest
                    containerInstance app_devices
                    containerInstance app_alerts
                    containerInstance app_analytics
                }
                deploymentNode "Managed Cassandra" "" "Cassandra" {
                    containerInstance db_ingest
                    containerInstance db_devices
                    containerInstance db_alerts
                    containerInstance db_analytics
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
            staging_region_1 = deploymentNode "us-east-1" "" "the chosen cloud" {
                deploymentNode "Kubernetes cluster" "" "kubernetes" {
                    containerInstance app_ingest
                    containerInstance app_devices
                    containerInstance app_alerts
                    containerInstance app_analytics
                }
                deploymentNode "Managed Cassandra" "" "Cassandra" {
                    containerInstance db_ingest
                    containerInstance db_devices
                    containerInstance db_alerts
                    containerInstance db_analytics
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
            prod_region_1 = deploymentNode "us-east-1" "" "the chosen cloud" {
                deploymentNode "Kubernetes cluster" "" "kubernetes" {
                    containerInstance app_ingest
                    containerInstance app_devices
                    containerInstance app_alerts
                    containerInstance app_analytics
                }
                deploymentNode "Managed Cassandra" "" "Cassandra" {
                    containerInstance db_ingest
                    containerInstance db_devices
                    containerInstance db_alerts
                    containerInstance db_analytics
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
                deploymentNode "Managed Kafka" "" "Kafka" {
                    containerInstance broker
                }
            }
            prod_region_2 = deploymentNode "us-west-2" "" "the chosen cloud" {
                deploymentNode "Kubernetes cluster" "" "kubernetes" {
                    containerInstance app_ingest
                    containerInstance app_devices
                    containerInstance app_alerts
                    containerInstance app_analytics
                }
                deploymentNode "Managed Cassandra" "" "Cassandra" {
                    containerInstance db_ingest
                    containerInstance db_devices
                    containerInstance db_alerts
                    containerInstance db_analytics
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
        deployment system dev "dev-region-1" "Deployment of FleetPulse Telemetry: dev, us-east-1" {
            include dev_region_1
            autolayout lr
        }
        deployment system staging "staging-region-1" "Deployment of FleetPulse Telemetry: staging, us-east-1" {
            include staging_region_1
            autolayout lr
        }
        deployment system prod "prod-region-1" "Deployment of FleetPulse Telemetry: prod, us-east-1" {
            include prod_region_1
            autolayout lr
        }
        deployment system prod "prod-region-2" "Deployment of FleetPulse Telemetry: prod, us-west-2" {
            include prod_region_2
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
