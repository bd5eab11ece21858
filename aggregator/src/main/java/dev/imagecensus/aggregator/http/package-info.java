/**
 * The aggregator's HTTP port ({@link dev.imagecensus.aggregator.http.HttpApi}): metrics, probes, the JSON API over
 * interactive queries that stay complete across instances ({@link dev.imagecensus.aggregator.http.StoreQueries}),
 * the KAI-shaped inventory ({@link dev.imagecensus.aggregator.http.KaiInventory}) and the page.
 */
package dev.imagecensus.aggregator.http;
