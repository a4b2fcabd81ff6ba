/** Test support: a real server per test class, HTTP helpers, classpath listings and result-table comparison. */
package org.stargatekg.support;
