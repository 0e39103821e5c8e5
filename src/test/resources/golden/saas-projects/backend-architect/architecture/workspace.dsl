workspace "TaskHub" "Multi-tenant B2B project management SaaS. Each customer organization is a tenant: its projects, tasks, comments and members are isolated from every other tenant, and every tenant-owned record carries the organizationId of its tenant." {
    !identifiers flat
    !adrs "../decisions" madr

    model {
        role_owner = person "owner" "Signs in with the role owner"
        role_admin = person "admin" "Signs in with the role admin"
        role_member = person "member" "Signs in with the role member"
        role_viewer = person "viewer" "Signs in with the role viewer"
        system = softwareSystem "TaskHub" "Multi-tenant B2B project management SaaS. Each customer organization is a tenant: its projects, tasks, comments and members are isolated from every other tenant, and every tenant-owned record carries the organizationId of its tenant." {
            app_organizations = container "organizations" "Tenants (organizations), their members, teams and invitations." "kotlin, REST/HTTPS" "Deployable" {
                properties {
                    "archforge.services" "organizations"
                }
            }
            app_projects = container "projects" "Projects, tasks and labels of a tenant; assigns tasks to members." "kotlin, REST/HTTPS" "Deployable" {
                properties {
                    "archforge.services" "projects"
                }
            }
            app_comments = container "comments" "Discussion threads and attachments on tasks." "kotlin, REST/HTTPS" "Deployable" {
                properties {
                    "archforge.services" "comments"
                }
            }
            app_notifications = container "notifications" "In-app and e-mail notifications, honouring each member's preferences." "kotlin, REST/HTTPS" "Deployable" {
                properties {
                    "archforge.services" "notifications"
                }
            }
            app_workspace_graph = container "workspace-graph" "GraphQL API for the web and mobile apps, composing tenants, projects, tasks and comments." "node, GraphQL/HTTPS" "Deployable" {
                properties {
                    "archforge.services" "workspace-graph"
                }
            }
            db_organizations = container "organizations database" "Organization, Member, Team, Invitation" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "organizations"
                }
            }
            db_projects = container "projects database" "Project, ProjectMembership, Task, Label" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "projects"
                }
            }
            db_comments = container "comments database" "Comment, Attachment" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "comments"
                }
            }
            db_notifications = container "notifications database" "Notification, NotificationPreference" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "notifications"
                }
            }
            db_workspace_graph = container "workspace-graph database" "SavedView" "PostgreSQL" "Database" {
                properties {
                    "archforge.services" "workspace-graph"
                }
            }
            app_taskhub_bff = container "taskhub-bff" "Composes the calls of the web and mobile clients to organizations, projects, comments, workspace-graph behind the gateway" "node, backend for frontend" "Deployable"
            cache = container "Cache" "Read-through cache of hot entities" "Redis" "Database" {
                properties {
                    "archforge.services" "organizations projects comments notifications workspace-graph"
                }
            }
            broker = container "Event broker" "Topics: TaskAssigned, TaskStatusChanged, ProjectArchived, CommentAdded, MemberInvited, MemberRemoved" "Google Cloud Pub/Sub" "Queue" {
                properties {
                    "archforge.services" "organizations projects comments notifications"
                }
            }
        }
        idp = softwareSystem "Identity provider" "Signs users in and issues the tokens the APIs accept" "External"

        role_owner -> app_organizations "Uses" "HTTPS"
        role_owner -> app_projects "Uses" "HTTPS"
        role_owner -> app_comments "Uses" "HTTPS"
        role_owner -> app_workspace_graph "Uses" "HTTPS"
        role_admin -> app_organizations "Uses" "HTTPS"
        role_admin -> app_projects "Uses" "HTTPS"
        role_admin -> app_comments "Uses" "HTTPS"
        role_admin -> app_workspace_graph "Uses" "HTTPS"
        role_member -> app_organizations "Uses" "HTTPS"
        role_member -> app_projects "Uses" "HTTPS"
        role_member -> app_comments "Uses" "HTTPS"
        role_member -> app_workspace_graph "Uses" "HTTPS"
        role_viewer -> app_organizations "Uses" "HTTPS"
        role_viewer -> app_projects "Uses" "HTTPS"
        role_viewer -> app_comments "Uses" "HTTPS"
        role_viewer -> app_workspace_graph "Uses" "HTTPS"
        app_organizations -> idp "Validates tokens" "JWKS"
        app_projects -> idp "Validates tokens" "JWKS"
        app_comments -> idp "Validates tokens" "JWKS"
        app_workspace_graph -> idp "Validates tokens" "JWKS"
        app_organizations -> db_organizations "Reads and writes, outbox table outbox_event" "SQL"
        app_organizations -> cache "Reads through" "Redis protocol"
        app_projects -> db_projects "Reads and writes, outbox table outbox_event" "SQL"
        app_projects -> cache "Reads through" "Redis protocol"
        app_comments -> db_comments "Reads and writes, outbox table outbox_event" "SQL"
        app_comments -> cache "Reads through" "Redis protocol"
        app_notifications -> db_notifications "Reads and writes" "SQL"
        app_notifications -> cache "Reads through" "Redis protocol"
        app_workspace_graph -> db_workspace_graph "Reads and writes" "SQL"
        app_workspace_graph -> cache "Reads through" "Redis protocol"
        app_taskhub_bff -> app_organizations "Calls" "REST/HTTPS"
        app_taskhub_bff -> app_projects "Calls" "REST/HTTPS"
        app_taskhub_bff -> app_comments "Calls" "REST/HTTPS"
        app_taskhub_bff -> app_workspace_graph "Calls" "GraphQL/HTTPS"
        app_projects -> app_organizations "Calls" "REST/HTTPS"
        app_comments -> app_projects "Calls" "REST/HTTPS"
        app_notifications -> app_organizations "Calls" "REST/HTTPS"
        app_workspace_graph -> app_organizations "Calls" "REST/HTTPS"
        app_workspace_graph -> app_projects "Calls" "REST/HTTPS"
        app_workspace_graph -> app_comments "Calls" "REST/HTTPS"
        app_organizations -> broker "Publishes MemberInvited, MemberRemoved" "Google Cloud Pub/Sub"
        app_projects -> broker "Publishes TaskAssigned, TaskStatusChanged, ProjectArchived" "Google Cloud Pub/Sub"
        app_comments -> broker "Publishes CommentAdded" "Google Cloud Pub/Sub"
        broker -> app_projects "Delivers MemberRemoved" "Google Cloud Pub/Sub"
        broker -> app_comments "Delivers ProjectArchived" "Google Cloud Pub/Sub"
        broker -> app_notifications "Delivers TaskAssigned, TaskStatusChanged, CommentAdded, MemberInvited" "Google Cloud Pub/Sub"

        dev = deploymentEnvironment "dev" {
            dev_region_1 = deploymentNode "us-central1" "" "Google Cloud" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_organizations
                    containerInstance app_projects
                    containerInstance app_comments
                    containerInstance app_notifications
                    containerInstance app_workspace_graph
                    containerInstance app_taskhub_bff
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_organizations
                    containerInstance db_projects
                    containerInstance db_comments
                    containerInstance db_notifications
                    containerInstance db_workspace_graph
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
                deploymentNode "Managed Google Cloud Pub/Sub" "" "Google Cloud Pub/Sub" {
                    containerInstance broker
                }
            }
        }

        staging = deploymentEnvironment "staging" {
            staging_region_1 = deploymentNode "us-central1" "" "Google Cloud" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_organizations
                    containerInstance app_projects
                    containerInstance app_comments
                    containerInstance app_notifications
                    containerInstance app_workspace_graph
                    containerInstance app_taskhub_bff
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_organizations
                    containerInstance db_projects
                    containerInstance db_comments
                    containerInstance db_notifications
                    containerInstance db_workspace_graph
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
                deploymentNode "Managed Google Cloud Pub/Sub" "" "Google Cloud Pub/Sub" {
                    containerInstance broker
                }
            }
        }

        prod = deploymentEnvironment "prod" {
            prod_region_1 = deploymentNode "us-central1" "" "Google Cloud" {
                deploymentNode "Container platform (managed-containers)" "" "managed-containers" {
                    containerInstance app_organizations
                    containerInstance app_projects
                    containerInstance app_comments
                    containerInstance app_notifications
                    containerInstance app_workspace_graph
                    containerInstance app_taskhub_bff
                }
                deploymentNode "Managed PostgreSQL" "" "PostgreSQL" {
                    containerInstance db_organizations
                    containerInstance db_projects
                    containerInstance db_comments
                    containerInstance db_notifications
                    containerInstance db_workspace_graph
                }
                deploymentNode "Managed Redis" "" "Redis" {
                    containerInstance cache
                }
                deploymentNode "Managed Google Cloud Pub/Sub" "" "Google Cloud Pub/Sub" {
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
        deployment system dev "dev-region-1" "Deployment of TaskHub: dev, us-central1" {
            include dev_region_1
            autolayout lr
        }
        deployment system staging "staging-region-1" "Deployment of TaskHub: staging, us-central1" {
            include staging_region_1
            autolayout lr
        }
        deployment system prod "prod-region-1" "Deployment of TaskHub: prod, us-central1" {
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
