/** TLS helpers shared by the daemon (which prints its certificate's fingerprint) and the CLI (which pins it). */
package io.inertia.common.tls;
