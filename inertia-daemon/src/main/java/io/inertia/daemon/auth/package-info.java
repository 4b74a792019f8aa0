/** Authentication and users: JWTs, persisted sessions, bcrypt passwords, TOTP and login throttling (docs/original.md#authentication, #users, #totp). */
package io.inertia.daemon.auth;
