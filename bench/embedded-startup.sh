#!/usr/bin/env bash
# Embedded KRaft broker: start time and idle heap, in fresh JVMs. Usage: bench/embedded-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package -pl bench -am
for _ in $(seq "${1:-5}"); do
  java -cp "bench/target/classes:bench/target/lib/*" dev.imagecensus.bench.EmbeddedKafkaStartup
done
