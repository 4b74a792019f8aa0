/** The daemon's embedded SQLite database: one file under the data dir, schema migrated by the daemon itself. */
package io.inertia.daemon.store;
