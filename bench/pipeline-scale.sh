#!/usr/bin/env bash
# The whole pipeline at scale: initial sync of [pods] pods over [images] images, then [events/s] pod events a
# second for [churn seconds], with a 30-s full-list poller beside it; watcher, enricher and aggregator each in
# their own JVM. Usage: bench/pipeline-scale.sh [pods=1000] [images=100] [events/s=1000] [churn seconds=60]
# JVM options per service in WATCHER_OPTS, ENRICHER_OPTS, AGGREGATOR_OPTS (defaults -Xmx512m, -Xmx512m, -Xmx1g);
# extra Kafka Streams settings for the aggregator: AGGREGATOR_OPTS='-Xmx1g -Dbench.aggregator.streams=k=v,k=v',
# its stream threads: AGGREGATOR_OPTS='-Xmx1g -Dbench.aggregator.threads=1' (default: the product's, 2).
# PROBE_LIFETIME: seconds a probe pod lives (default 5). POLLER_INTERVAL_S: the full-list baseline's interval
# (default 30, the seed exporter's; longer only to see what the baseline's lists cost the pipeline).
# Images are pushed once to bench/target/pipeline-registry and reused by later runs.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -DskipTests package -pl bench -am
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java -Xmx6g -cp "bench/target/classes:bench/target/lib/*" \
  -Dbench.watcher.opts="${WATCHER_OPTS:--Xmx512m}" \
  -Dbench.enricher.opts="${ENRICHER_OPTS:--Xmx512m}" \
  -Dbench.aggregator.opts="${AGGREGATOR_OPTS:--Xmx1g}" \
  -Dbench.probe.lifetime="${PROBE_LIFETIME:-5}" \
  -Dbench.poller.interval.s="${POLLER_INTERVAL_S:-30}" \
  dev.imagecensus.bench.PipelineScaleBench "${1:-1000}" "${2:-100}" "${3:-1000}" "${4:-60}"
