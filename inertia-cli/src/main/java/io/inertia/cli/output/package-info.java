/** Terminal output and prompts: colour, emoji, --simple, NO_COLOR; the only code that prints. */
package io.inertia.cli.output;
