package org.stargatekg.web;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.stargatekg.vocab.SCHEMA;
import org.stargatekg.vocab.SG;

/** The terms that pages treat specially: standard ones from Jena's vocabularies and ours from {@link SG}. */
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
    static final Node SKOS_DEFINITION = SKOS.definition.asNode();
    static final Node SKOS_PREF_LABEL = SKOS.prefLabel.asNode();
    static final Node SKOS_ALT_LABEL = SKOS.altLabel.asNode();
    static final Node SCHEMA_NAME = SCHEMA.name.asNode();
    static final Node SCHEMA_DESCRIPTION = SCHEMA.description.asNode();
    static final Node DC_TITLE = DCTerms.title.asNode();
    static final Node DC_DESCRIPTION = DCTerms.description.asNode();

    final Node reported = SG.Reported.asNode();
    final Node statement = SG.Statement.asNode();
    final Node monetaryAmount = SG.MonetaryAmount.asNode();
    final Node newsArticle = SG.NewsArticle.asNode();
    final Node evidencePassage = SG.EvidencePassage.asNode();
    final Node evidence = SG.evidence.asNode();
    final Node describedIn = SG.describedIn.asNode();
    final Node speaker = SG.speaker.asNode();
    final Node verbatimText = SG.verbatimText.asNode();
    final Node paraphrase = SG.paraphrase.asNode();
    final Node emoji = SG.emoji.asNode();
    final Node channel = SG.channel.asNode();
    final Node respondsTo = SG.respondsTo.asNode();
    final Node disputes = SG.disputes.asNode();
    final Node value = SG.value.asNode();
    final Node maxValue = SG.maxValue.asNode();
    final Node currency = SG.currency.asNode();
    final Node statedAs = SG.statedAs.asNode();
    final Node statedIn = SG.statedIn.asNode();
    final Node currencyCode = SG.currencyCode.asNode();
    final Node ontology = SG.ONTOLOGY.asNode();
    final Node reviewStatus = SG.reviewStatus.asNode();
    final Node notReviewed = SG.NotReviewed.asNode();
}
