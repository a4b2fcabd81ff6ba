/** The in-memory store the server reads from: every quad dictionary-encoded once and sorted in six orders, read-only after it is built. */
package org.stargatekg.store;
