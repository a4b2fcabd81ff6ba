package org.stargatekg.support;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.apache.jena.sparql.util.IsoMatcher;

/**
 * Every query form in every format {@code /sparql} offers, and the answers read back into something comparable: for
 * SELECT the rows (compared by value, so that a store keeping numbers as values answers the same; CSV, which keeps
 * no types, as strings), for ASK the boolean, for CONSTRUCT and DESCRIBE the graph (compared by isomorphism).
 * The queries name none of our IRIs: X Corp. is found by its label.
 */
public final class QueryForms {

    /** The result formats of SELECT and ASK. */
    public static final List<String> RESULT_FORMATS = List.of("application/sparql-results+json", "application/sparql-results+xml",
                                                              "text/csv", "text/tab-separated-values");

    /** The formats of CONSTRUCT and DESCRIBE. */
    public static final List<String> GRAPH_FORMATS = List.of("text/turtle", "application/n-triples", "application/rdf+xml",
                                                             "application/ld+json", "application/trig", "application/n-quads");

    /** One query of each form, and more than one where the form has cases (ASK true and false, ASK of nothing). */
    public static final List<String> QUERIES = List.of(
            "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }",
            "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type",
            "SELECT ?x ?o WHERE { ?x <http://www.w3.org/2004/02/skos/core#altLabel> \"X Corp.\"@en OPTIONAL { ?x ?p ?o FILTER isLiteral(?o) } }",
            "ASK {}",
            "ASK { ?s ?p ?o }",
            "ASK { ?s <urn:x-absent:p> ?o }",
            "CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?l }",
            "DESCRIBE ?x WHERE { ?x <http://www.w3.org/2004/02/skos/core#altLabel> \"X Corp.\"@en }");

    private QueryForms() {}

    /** The formats a query's answer comes in. */
    public static List<String> formats(String query) {
        return query.startsWith("SELECT") || query.startsWith("ASK") ? RESULT_FORMATS : GRAPH_FORMATS;
    }

    /** An answer read from a response: rows, a boolean or a graph; or the status and body when it was not 200. */
    public record Answer(int status, String body, ResultSetRewindable rows, List<String> csvRows, Boolean ask, Graph graph) {

        /** Null when this answer is the same as another, else what differs. */
        public String differenceFrom(Answer other) {
            if (status != 200 || other.status != 200)
                return status == other.status ? null : "HTTP " + status + " vs " + other.status + ": " + (status != 200 ? body : other.body);
            if (ask != null || other.ask != null)
                return java.util.Objects.equals(ask, other.ask) ? null : "ASK " + ask + " vs " + other.ask;
            if (csvRows != null)
                return multiset(csvRows).equals(multiset(other.csvRows)) ? null
                        : "CSV rows differ: " + csvRows.size() + " vs " + other.csvRows.size();
            if (rows != null) {
                rows.reset();
                other.rows.reset();
                boolean same = ResultSetCompare.equalsByValue(rows, other.rows);
                rows.reset();
                other.rows.reset();
                return same ? null : "rows differ: " + rows.size() + " vs " + other.rows.size();
            }
            return IsoMatcher.isomorphic(graph, other.graph) ? null : "graphs differ: " + graph.size() + " vs " + other.graph.size() + " triples";
        }

        /** How many rows or triples, 1 or 0 for ASK. */
        public long size() {
            return ask != null ? (ask ? 1 : 0) : csvRows != null ? csvRows.size() : rows != null ? rows.size() : graph != null ? graph.size() : -1;
        }
    }

    /** Asks a server a query in a format and reads the answer. */
    public static Answer ask(RunningServer server, String query, String mediaType) {
        HttpResponse<String> response = server.query(query, mediaType);
        String body = response.body();
        if (response.statusCode() != 200)
            return new Answer(response.statusCode(), body, null, null, null, null);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith(mediaType))
            return new Answer(-1, "asked for " + mediaType + ", got " + type, null, null, null, null);
        if (RESULT_FORMATS.contains(mediaType)) {
            if (mediaType.equals("text/csv") || mediaType.equals("text/tab-separated-values")) {
                List<String> lines = body.lines().toList();
                if (!lines.isEmpty() && lines.get(0).replace("?", "").equals("_askResult"))
                    return new Answer(200, body, null, null, Boolean.parseBoolean(lines.get(1).strip()), null);
                if (mediaType.equals("text/csv"))
                    return new Answer(200, body, null, new ArrayList<>(lines.subList(1, lines.size())), null, null);
            }
            Lang lang = switch (mediaType) {
                case "application/sparql-results+json" -> ResultSetLang.RS_JSON;
                case "application/sparql-results+xml" -> ResultSetLang.RS_XML;
                default -> ResultSetLang.RS_TSV;
            };
            SPARQLResult result = ResultsReader.create().lang(lang).build()
                    .readAny(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            if (result.isBoolean())
                return new Answer(200, body, null, null, result.getBooleanResult(), null);
            return new Answer(200, body, ResultSetFactory.makeRewindable(result.getResultSet()), null, null, null);
        }
        Lang lang = RDFLanguages.contentTypeToLang(mediaType);
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.create().source(new StringReader(body)).lang(lang).base(server.base()).parse(dsg);
        return new Answer(200, body, null, null, null, dsg.getDefaultGraph());
    }

    private static Map<String, Integer> multiset(List<String> lines) {
        Map<String, Integer> out = new HashMap<>();
        lines.forEach(l -> out.merge(l, 1, Integer::sum));
        return out;
    }
}
