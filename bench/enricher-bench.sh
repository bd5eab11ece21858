#!/usr/bin/env bash
# Enricher figures in one run: cold classification and existence re-check of N unique images on a loopback
# docker-registry, and registry requests/bytes of a pod fleet via the enricher vs one `skopeo inspect` per pod.
# Usage: bench/enricher-bench.sh [images=5000] [pods=10000] [pod-images=500] [skopeo-sample=200] [threads=16]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package -pl bench -am
java -cp "bench/target/classes:bench/target/lib/*" dev.imagecensus.bench.EnricherBench "$@"
