/** Project environment variables, encrypted at rest with AES-256-GCM (reference §4.8). */
package io.inertia.daemon.env;
