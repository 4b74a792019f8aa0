/**
 * The daemon's HTTP API as it travels on the wire (docs/original.md#daemon-api): paths, the JSON envelope and request/response
 * records with Inertia's JSON names. Shared by the daemon (server) and the CLI (client); no I/O here.
 */
package io.inertia.common.api;
