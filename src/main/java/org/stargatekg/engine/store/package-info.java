/** The in-memory store the server reads from: every quad dictionary-encoded once and sorted in six orders, planned with real counts. */
package org.stargatekg.engine.store;
