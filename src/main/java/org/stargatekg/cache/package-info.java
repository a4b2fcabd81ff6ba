/** The response cache: whole successful answers kept by everything they depend on and dropped when the store changes. */
package org.stargatekg.cache;
