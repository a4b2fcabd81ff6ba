/** HTTP as every servlet speaks it: content negotiation over the whole Accept header, the security headers, and a request body read once and replayed. */
package org.stargatekg.http;
