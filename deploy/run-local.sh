#!/usr/bin/env bash
# Starts the whole Safeguarding Exchange platform locally: builds what is needed, then runs PostgreSQL,
# Kafka, Keycloak and the four services until Ctrl-C. Needs only a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=deploy/local/target/local-platform.jar
stale() {
  [ ! -f "$launcher" ] && return 0
  for svc in agreement-service concern-service sharing-service notification-service; do
    [ -f "$svc/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  # Any source or build file newer than the launcher means a rebuild.
  [ -n "$(find pom.xml platform-kit ./*-service deploy/local deploy/keycloak -newer "$launcher" \
          \( -name '*.java' -o -name '*.xml' -o -name '*.properties' -o -name '*.sql' -o -name '*.json' \) \
          -not -path '*/target/*' -print -quit)" ]
}

if [ "${SGX_SKIP_BUILD:-0}" != 1 ] && stale; then
  echo "Building the platform (first time: downloads Maven, dependencies and Keycloak)..."
  ./mvnw -B -q install -DskipTests -pl deploy/local -am
fi
exec java -cp "$launcher:deploy/local/target/lib/*" exchange.safeguarding.deploy.local.LocalPlatform "$@"
