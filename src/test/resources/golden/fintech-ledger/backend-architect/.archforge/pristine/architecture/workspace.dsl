workspace "PayStream Ledger" "Double-entry ledger for a card-issuing neobank in the EU: customer accounts, payment cards, internal and outgoing transfers, and customer notifications. Balances are derived from append-only ledger entries; card data is tokenized and in PCI-DSS scope." {
    !identifiers flat
    !adrs "../decisions" madr

    model {
        role_customer = person "customer" "Signs in with the role customer"
        role_support = person "support" "Signs in with the role support"
        role_operator = person "operator" "Signs in with the role operator"
        role_auditor = person "auditor" "Signs in with the role auditor"
        role_admin = person "admin" "Signs in with the role admin"
        system = softwareSystem "PayStream Ledger" "Double-entry ledger for a card-issuing neobank in the EU: customer accounts, payment cards, internal and outgoing transfers, and customer notifications. Balances are derived from append-only ledger entries; card data is tokenized and in PCI-DSS scope." {
            app_accounts = container "accounts" "Customers (KYC data), their accounts and payment cards." "java, REST/HTTPS" "Deployable" {
                properties {
                    "archforge.services" "accounts"
                }
            }
            app_ledger = container "ledger" "The double-entry ledger; posts journals for transfers and answers balance queries." "java, gRPC" "Deployable" {
                properties {
                    "archforge.services" "ledger"
                }
            }
            app_transfers = container "transfers" "Accepts transfer orders, checks limits and idempotency, and tracks their outcome." "kotlin, REST/HTTPS" "Deployable" {
                properties {
                    "archforge.services" "transfers"
                }
            }
            app_notifications = container "notifications" "E-mail and push notifications about accounts, cards and transfers." "java, REST/HTTPS" "Deployable" {
                properties {
                    "archforge.services" "notifications"
                }
            }
            db_accounts = container "accounts database" "Customer, Account, Card" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "accounts"
                }
            }
            db_ledger = container "ledger database" "LedgerAccount, Journal, LedgerEntry" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "ledger"
                }
            }
            db_transfers = container "transfers database" "Transfer, TransferStatusChange" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "transfers"
                }
            }
            db_notifications = container "notifications database" "Notification" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "notifications"
                }
            }
            cache = container "Cache" "Read-through cache of hot entities" "Redis" "Database" {
                properties {
                    "archforge.services" "accounts ledger transfers notifications"
                }
            }
            broker = container "Event broker" "Topics: AccountOpened, AccountFrozen, CardIssued, TransferRequested, TransferCompleted, TransferRejected" "Kafka" "Queue" {
                properties {
                    "archforge.services" "accounts ledger transfers notifications"
                }
            }
        }
        idp = softwareSystem "Identity provider" "Signs users in and issues the tokens the APIs accept" "External"

        role_customer -> app_accounts "Uses" "HTTPS"
        role_customer -> app_transfers "Uses" "HTTPS"
        role_support -> app_accounts "Uses" "HTTPS"
        role_support -> app_transfers "Uses" "HTTPS"
        role_operator -> app_accounts "Uses" "HTTPS"
        role_operator -> app_transfers "Uses" "HTTPS"
        role_auditor -> app_accounts "Uses" "HTTPS"
        role_auditor -> app_transfers "Uses" "HTTPS"
        role_admin -> app_accounts "Uses" "HTTPS"
        role_admin -> app_transfers "Uses" "HTTPS"
        app_accounts -> idp "Validates tokens" "JWKS"
        app_transfers -> idp "Validates tokens" "JWKS"
        app_accounts -> db_accounts "Reads and writes, outbox table outbox_event" "SQL"
        app_accounts -> cache "Reads through" "Redis protocol"
        app_ledger -> db_ledger "Reads and writes, outbox table outbox_event" "SQL"
        app_ledger -> cache "Reads through" "Redis protocol"
        app_transfers -> db_transfers "Reads and writes, outbox table outbox_event" "SQL"
        app_transfers -> cache "Reads through" "Redis protocol"
        app_notifications -> db_notifications "Reads and writes" "SQL"
        app_notifications -> cache "Reads through" "Redis protocol"
        app_transfers -> app_accounts "Calls" "REST/HTTPS"
        app_transfers -> app_ledger "Calls" "gRPC"
        app_notifications -> app_accounts "Calls" "REST/HTTPS"
        app_accounts -> broker "Publishes AccountOpened, AccountFrozen, CardIssued" "Kafka"
        app_ledger -> broker "Publishes TransferCompleted, TransferRejected" "Kafka"
        app_transfers -> broker "Publishes TransferRequested" "Kafka"
        broker -> app_ledger "Delivers AccountOpened, AccountFrozen, TransferRequested" "Kafka"
        broker -> app_transfers "Delivers TransferCompleted, TransferRejected, AccountFrozen" "Kafka"
        broker -> app_notifications "Delivers AccountOpened, CardIssued, TransferCompleted, TransferRejected" "Kafka"

        dev = deploymentEnvironment "dev" {
            dev_region_1 = deploymentNode "us-east-1" "" "Amazon Web Services" {
                deploymentNode "Kubernetes cluster" "" "kubernetes" {
                    containerInstance app_accounts
                    containerInstance app_ledger
                    containerInstance app_transfers
                    containerInstance app_notifications
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_accounts
                    containerInstance db_ledger
                    containerInstance db_transfers
                    containerInstance db_notifications
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
                deploymentNode "Kubernetes cluster" "" "kubernetes" {
                    containerInstance app_accounts
                    containerInstance app_ledger
                    containerInstance app_transfers
                    containerInstance app_notifications
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_accounts
                    containerInstance db_ledger
                    containerInstance db_transfers
                    containerInstance db_notifications
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
                deploymentNode "Kubernetes cluster" "" "kubernetes" {
                    containerInstance app_accounts
                    containerInstance app_ledger
                    containerInstance app_transfers
                    containerInstance app_notifications
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_accounts
                    containerInstance db_ledger
                    containerInstance db_transfers
                    containerInstance db_notifications
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
                deploymentNode "Managed Kafka" "" "Kafka" {
                    containerInstance broker
                }
            }
            prod_region_2 = deploymentNode "us-west-2" "" "Amazon Web Services" {
                deploymentNode "Kubernetes cluster" "" "kubernetes" {
                    containerInstance app_accounts
                    containerInstance app_ledger
                    containerInstance app_transfers
                    containerInstance app_notifications
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_accounts
                    containerInstance db_ledger
                    containerInstance db_transfers
                    containerInstance db_notifications
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
                deploymentNode "Managed Kafka" "" "Kafka" {
                    containerInstance broker
                }
            }
            prod_region_3 = deploymentNode "us-east-2 (warm standby)" "" "Amazon Web Services" {
                deploymentNode "Kubernetes cluster" "" "kubernetes" {
                    containerInstance app_accounts
                    containerInstance app_ledger
                    containerInstance app_transfers
                    containerInstance app_notifications
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_accounts
                    containerInstance db_ledger
                    containerInstance db_transfers
                    containerInstance db_notifications
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
        deployment system dev "dev-region-1" "Deployment of PayStream Ledger: dev, us-east-1" {
            include dev_region_1
            autolayout lr
        }
        deployment system staging "staging-region-1" "Deployment of PayStream Ledger: staging, us-east-1" {
            include staging_region_1
            autolayout lr
        }
        deployment system prod "prod-region-1" "Deployment of PayStream Ledger: prod, us-east-1" {
            include prod_region_1
            autolayout lr
        }
        deployment system prod "prod-region-2" "Deployment of PayStream Ledger: prod, us-west-2" {
            include prod_region_2
            autolayout lr
        }
        deployment system prod "prod-region-3" "Deployment of PayStream Ledger: prod, us-east-2 (warm standby)" {
            include prod_region_3
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
