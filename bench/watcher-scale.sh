#!/usr/bin/env bash
# The watcher's initial sync at scale: broker, registry and a fake API server seeded with [pods] pods over [images]
# images in this JVM, the watcher alone in a second JVM with -Xmx512m. Usage: bench/watcher-scale.sh [pods] [images]
# Extra JVM options for the watcher JVM in WATCHER_OPTS, e.g.
#   WATCHER_OPTS='-XX:StartFlightRecording=filename=/tmp/watcher.jfr,settings=profile' bench/watcher-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -DskipTests package -pl bench -am
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# shellcheck disable=SC2086
java -Xmx4g -cp "bench/target/classes:bench/target/lib/*" dev.imagecensus.bench.WatcherScaleBench \
  "${1:-150000}" "${2:-5000}" ${WATCHER_OPTS:-}
