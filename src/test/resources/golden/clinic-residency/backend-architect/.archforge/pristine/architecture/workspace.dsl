workspace "Northwind Clinics" "Appointment booking and patient records for clinics in Europe and the United States. EU patients' data must stay in the EU and US patients' data in the US; clinicians see only the patients of their own clinic." {
    !identifiers flat
    !adrs "../decisions" madr

    model {
        role_patient = person "patient" "Signs in with the role patient"
        role_clinician = person "clinician" "Signs in with the role clinician"
        role_admin = person "admin" "Signs in with the role admin"
        system = softwareSystem "Northwind Clinics" "Appointment booking and patient records for clinics in Europe and the United States. EU patients' data must stay in the EU and US patients' data in the US; clinicians see only the patients of their own clinic." {
            app_clinic = container "clinic" "Modules: patients, appointments" "java, modular monolith" "Deployable" {
                properties {
                    "archforge.services" "patients appointments"
                }
            }
            db_clinic = container "clinic database" "One schema per module: patients, appointments" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "patients appointments"
                }
            }
            cache = container "Cache" "Read-through cache of hot entities" "Redis" "Database" {
                properties {
                    "archforge.services" "patients appointments"
                }
            }
        }
        idp = softwareSystem "Identity provider" "Signs users in and issues the tokens the APIs accept" "External"

        role_patient -> app_clinic "Uses" "HTTPS"
        role_clinician -> app_clinic "Uses" "HTTPS"
        role_admin -> app_clinic "Uses" "HTTPS"
        app_clinic -> idp "Validates tokens" "JWKS"
        app_clinic -> db_clinic "Reads and writes, outbox table event_publication" "SQL"
        app_clinic -> cache "Reads through" "Redis protocol"

        dev = deploymentEnvironment "dev" {
            dev_region_1 = deploymentNode "eu-west-1" "" "Amazon Web Services" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_clinic
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_clinic
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
            }
        }

        staging = deploymentEnvironment "staging" {
            staging_region_1 = deploymentNode "eu-west-1" "" "Amazon Web Services" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_clinic
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_clinic
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
            }
        }

        prod = deploymentEnvironment "prod" {
            prod_region_1 = deploymentNode "eu-west-1 (eu cell)" "" "Amazon Web Services" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_clinic
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_clinic
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
            }
            prod_region_2 = deploymentNode "us-east-1 (us cell)" "" "Amazon Web Services" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_clinic
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_clinic
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
        deployment system dev "dev-region-1" "Deployment of Northwind Clinics: dev, eu-west-1" {
            include dev_region_1
            autolayout lr
        }
        deployment system staging "staging-region-1" "Deployment of Northwind Clinics: staging, eu-west-1" {
            include staging_region_1
            autolayout lr
        }
        deployment system prod "prod-region-1" "Deployment of Northwind Clinics: prod, eu-west-1 (eu cell)" {
            include prod_region_1
            autolayout lr
        }
        deployment system prod "prod-region-2" "Deployment of Northwind Clinics: prod, us-east-1 (us cell)" {
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
