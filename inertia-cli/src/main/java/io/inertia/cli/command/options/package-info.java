/** Option groups shared by several commands (picocli mixins). */
package io.inertia.cli.command.options;
