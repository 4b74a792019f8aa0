/** Test scaffolding: throwaway test VPS containers (real sshd, nested Docker) driven by the docker CLI and sshj. */
package io.inertia.testenv;
