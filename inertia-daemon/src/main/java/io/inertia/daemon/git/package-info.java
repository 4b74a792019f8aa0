/** JGit adapter of the deploy core's {@code SourceRepository}: the project's work tree, fetched over SSH. */
package io.inertia.daemon.git;
