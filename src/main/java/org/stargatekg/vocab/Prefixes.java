package org.stargatekg.vocab;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;

/** The prefixes our pages and RDF answers abbreviate IRIs with: the standard vocabularies we use and our own. */
public final class Prefixes {

    private Prefixes() {}

    /** A fresh prefix mapping for the given namespaces. */
    public static PrefixMapping of(Namespaces ns) {
        PrefixMapping pm = new PrefixMappingImpl();
        pm.setNsPrefix(SG.PREFIX, SG.NS);
        pm.setNsPrefix("id", ns.instances());
        pm.setNsPrefix("ev", ns.evidence());
        pm.setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        pm.setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        pm.setNsPrefix("owl", "http://www.w3.org/2002/07/owl#");
        pm.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        pm.setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#");
        pm.setNsPrefix("dcterms", "http://purl.org/dc/terms/");
        pm.setNsPrefix("vann", "http://purl.org/vocab/vann/");
        pm.setNsPrefix("schema", "https://schema.org/");
        pm.setNsPrefix("prov", "http://www.w3.org/ns/prov#");
        pm.setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");
        pm.setNsPrefix("org", "http://www.w3.org/ns/org#");
        pm.setNsPrefix("cito", "http://purl.org/spar/cito/");
        pm.setNsPrefix("nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#");
        pm.setNsPrefix("sh", "http://www.w3.org/ns/shacl#");
        pm.setNsPrefix("wd", "http://www.wikidata.org/entity/");
        pm.setNsPrefix("dbr", "http://dbpedia.org/resource/");
        pm.setNsPrefix("void", "http://rdfs.org/ns/void#");
        pm.setNsPrefix("dcat", "http://www.w3.org/ns/dcat#");
        return pm;
    }
}
