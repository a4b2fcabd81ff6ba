/** Running the server: health check, Prometheus metrics, the access log, CORS for browser tools, graceful shutdown. */
package org.stargatekg.ops;
