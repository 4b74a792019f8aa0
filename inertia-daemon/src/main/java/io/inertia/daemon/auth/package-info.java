/** Authentication and users: JWTs, persisted sessions, bcrypt passwords, TOTP and login throttling (reference §4.2, §4.6, §4.7). */
package io.inertia.daemon.auth;
