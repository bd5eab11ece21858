#!/usr/bin/env bash
# Aggregator throughput and /metrics scrape time at scale, in a fresh JVM each run.
# Usage: bench/aggregator.sh [runs] [images] [containers] [partitions] [scrapes]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package -pl bench -am
runs="${1:-1}"; shift || true
for _ in $(seq "$runs"); do
  java -Xmx4g -cp "bench/target/classes:bench/target/lib/*" dev.imagecensus.bench.AggregatorBench "$@"
done
