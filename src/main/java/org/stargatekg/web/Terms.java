package org.stargatekg.web;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stargatekg.vocab.Namespaces;

/** The terms of our ontology that pages treat specially, resolved against the base the server runs with. */
final class Terms {

    static final Node TYPE = RDF.type.asNode();
    static final Node LABEL = RDFS.label.asNode();
    static final Node COMMENT = RDFS.comment.asNode();
    static final Node SUBCLASS = RDFS.subClassOf.asNode();
    static final Node SUBPROPERTY = RDFS.subPropertyOf.asNode();
    static final Node DOMAIN = RDFS.domain.asNode();
    static final Node RANGE = RDFS.range.asNode();
    static final Node IS_DEFINED_BY = RDFS.isDefinedBy.asNode();
    static final Node INVERSE = OWL.inverseOf.asNode();
    static final Node SAME_AS = OWL.sameAs.asNode();
    static final Node OWL_CLASS = OWL.Class.asNode();
    static final Node OBJECT_PROPERTY = OWL.ObjectProperty.asNode();
    static final Node DATATYPE_PROPERTY = OWL.DatatypeProperty.asNode();
    static final Node SYMMETRIC = OWL.SymmetricProperty.asNode();
    static final Node TRANSITIVE = OWL.TransitiveProperty.asNode();
    static final Node SKOS_DEFINITION = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#definition");
    static final Node SKOS_PREF_LABEL = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel");
    static final Node SKOS_ALT_LABEL = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel");
    static final Node SCHEMA_NAME = NodeFactory.createURI("https://schema.org/name");
    static final Node SCHEMA_DESCRIPTION = NodeFactory.createURI("https://schema.org/description");
    static final Node DC_TITLE = NodeFactory.createURI("http://purl.org/dc/terms/title");
    static final Node DC_DESCRIPTION = NodeFactory.createURI("http://purl.org/dc/terms/description");

    final Node reported;
    final Node statement;
    final Node monetaryAmount;
    final Node newsArticle;
    final Node evidencePassage;
    final Node evidence;
    final Node describedIn;
    final Node speaker;
    final Node verbatimText;
    final Node paraphrase;
    final Node emoji;
    final Node channel;
    final Node respondsTo;
    final Node disputes;
    final Node value;
    final Node maxValue;
    final Node currency;
    final Node currencyCode;
    final Node ontology;
    final Node reviewStatus;
    final Node notReviewed;

    Terms(Namespaces ns) {
        String sg = ns.ontology();
        reported = uri(sg + "Reported");
        statement = uri(sg + "Statement");
        monetaryAmount = uri(sg + "MonetaryAmount");
        newsArticle = uri(sg + "NewsArticle");
        evidencePassage = uri(sg + "EvidencePassage");
        evidence = uri(sg + "evidence");
        describedIn = uri(sg + "describedIn");
        speaker = uri(sg + "speaker");
        verbatimText = uri(sg + "verbatimText");
        paraphrase = uri(sg + "paraphrase");
        emoji = uri(sg + "emoji");
        channel = uri(sg + "channel");
        respondsTo = uri(sg + "respondsTo");
        disputes = uri(sg + "disputes");
        value = uri(sg + "value");
        maxValue = uri(sg + "maxValue");
        currency = uri(sg + "currency");
        currencyCode = uri(sg + "currencyCode");
        ontology = uri(ns.base() + "ontology");
        reviewStatus = uri(sg + "reviewStatus");
        notReviewed = uri(sg + "NotReviewed");
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
