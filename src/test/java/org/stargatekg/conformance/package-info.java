/** Tests that our query stack gives the answers SPARQL defines: the W3C test suites, filter semantics, and random queries compared with Jena's reference dataset. */
package org.stargatekg.conformance;
