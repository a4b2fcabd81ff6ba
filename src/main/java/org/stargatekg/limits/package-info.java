/**
 * Limits that keep one client from starving the others or the server: query deadlines that regular expressions honour,
 * load shedding, slow-client cut-offs, query complexity, cut-off answers a client can tell, and refused reflections.
 */
package org.stargatekg.limits;
