/** The daemon's TLS certificate: generated once (self-signed, with SANs for its host) or supplied by the operator. */
package io.inertia.daemon.tls;
