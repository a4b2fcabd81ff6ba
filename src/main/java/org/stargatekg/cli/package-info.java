/** The command line: options, loading, validation-only runs and starting the server. */
package org.stargatekg.cli;
