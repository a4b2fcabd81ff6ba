package org.stargatekg.vocab;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.apache.jena.vocabulary.XSD;

/** The prefixes our pages and RDF answers abbreviate IRIs with: the standard vocabularies we use and our own. */
public final class Prefixes {

    private Prefixes() {}

    /** A fresh prefix mapping for the given namespaces. */
    public static PrefixMapping of(Namespaces ns) {
        PrefixMapping pm = new PrefixMappingImpl();
        pm.setNsPrefix(SG.PREFIX, SG.NS);
        pm.setNsPrefix("id", ns.instances());
        pm.setNsPrefix("ev", ns.evidence());
        pm.setNsPrefix("rdf", RDF.getURI());
        pm.setNsPrefix("rdfs", RDFS.getURI());
        pm.setNsPrefix("owl", OWL.getURI());
        pm.setNsPrefix("xsd", XSD.getURI());
        pm.setNsPrefix("skos", SKOS.getURI());
        pm.setNsPrefix("dcterms", DCTerms.getURI());
        pm.setNsPrefix("vann", "http://purl.org/vocab/vann/");
        pm.setNsPrefix("schema", SCHEMA.NS);
        pm.setNsPrefix("prov", "http://www.w3.org/ns/prov#");
        pm.setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");
        pm.setNsPrefix("org", ORG.NS);
        pm.setNsPrefix("cito", "http://purl.org/spar/cito/");
        pm.setNsPrefix("nif", NIF.NS);
        pm.setNsPrefix("sh", "http://www.w3.org/ns/shacl#");
        pm.setNsPrefix("wd", "http://www.wikidata.org/entity/");
        pm.setNsPrefix("dbr", "http://dbpedia.org/resource/");
        pm.setNsPrefix("void", VOID.NS);
        pm.setNsPrefix("dcat", DCAT.NS);
        return pm;
    }
}
