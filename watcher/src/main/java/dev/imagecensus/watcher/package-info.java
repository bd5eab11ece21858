/** The watcher service (see ../shared/DESIGN.md); built in its own issue. */
package dev.imagecensus.watcher;
