/** Limits that keep one client from starving the others: admission, deadlines on clients and answers, query depth and shape, and refused requests. */
package org.stargatekg.guard;
