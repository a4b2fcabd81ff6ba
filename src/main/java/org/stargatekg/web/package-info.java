/** Linked-data pages and RDF for every IRI we mint: content negotiation, resource pages with evidence, the article view, ontology documentation. */
package org.stargatekg.web;
