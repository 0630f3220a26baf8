#!/usr/bin/env bash
# Creates one database and one login role per service, and Keycloak's, each owning its database. The postgres image
# runs this once, when it initialises an empty data volume. It is idempotent, so after adding a service (or on a volume
# initialised without it) run it again by hand:
#   kubectl exec -n safeguarding-exchange postgres-0 -- /docker-entrypoint-initdb.d/create-databases.sh
set -euo pipefail

create_database() {
  local database="$1" role="$2" password="$3"
  PGPASSWORD="${POSTGRES_PASSWORD}" psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER}" --dbname postgres \
    --set=database="$database" --set=role="$role" --set=password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
SQL
}

create_database agreements "$AGREEMENT_DB_USER" "$AGREEMENT_DB_PASSWORD"
create_database concerns "$CONCERN_DB_USER" "$CONCERN_DB_PASSWORD"
create_database sharing "$SHARING_DB_USER" "$SHARING_DB_PASSWORD"
create_database notifications "$NOTIFICATION_DB_USER" "$NOTIFICATION_DB_PASSWORD"
create_database keycloak "$KEYCLOAK_DB_USER" "$KEYCLOAK_DB_PASSWORD"
