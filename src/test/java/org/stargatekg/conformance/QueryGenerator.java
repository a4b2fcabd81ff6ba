package org.stargatekg.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.RDF;

/**
 * A seeded generator of random SPARQL queries over a given set of quads, so that they mostly find something: each
 * basic pattern is a walk along real triples with some terms turned into variables, and every constant a filter,
 * VALUES or BIND compares with is a term the walk passed (or another term of the data). Queries combine OPTIONAL,
 * UNION, MINUS, FILTER with {@code ||}, {@code &&} and {@code !}, EXISTS and NOT EXISTS, property paths, BIND, VALUES,
 * aggregates with GROUP BY and HAVING, subqueries, GRAPH (a variable, a named graph, Jena's union graph) and the
 * default graph, which is the union of the named graphs; SELECT (with DISTINCT, ORDER BY, LIMIT and OFFSET), ASK and
 * CONSTRUCT. The same seed gives the same query over the same quads.
 */
public final class QueryGenerator {

    /** A query and whether its rows come in an order that is total (so they may be compared in order). */
    public record Generated(String text, boolean ordered) {}

    private final List<Quad> quads;
    private final Map<Node, List<Quad>> bySubject = new HashMap<>();
    private final Map<Node, List<Quad>> byObject = new HashMap<>();
    private final List<Node> predicates;
    private final List<Node> graphs;
    private final List<Node> numbers = new ArrayList<>();

    public QueryGenerator(List<Quad> quads) {
        this.quads = List.copyOf(quads);
        Map<Node, Boolean> preds = new LinkedHashMap<>(), names = new LinkedHashMap<>();
        for (Quad q : this.quads) {
            bySubject.computeIfAbsent(q.getSubject(), k -> new ArrayList<>()).add(q);
            if (!q.getObject().isLiteral())
                byObject.computeIfAbsent(q.getObject(), k -> new ArrayList<>()).add(q);
            else if (q.getObject().getLiteralValue() instanceof Number)
                numbers.add(q.getObject());
            preds.put(q.getPredicate(), true);
            names.put(q.getGraph(), true);
        }
        this.predicates = List.copyOf(preds.keySet());
        this.graphs = List.copyOf(names.keySet());
    }

    /** The query for one seed. */
    public Generated generate(long seed) {
        return new Build(new Random(seed)).query();
    }

    /** The state of one query being written: its random source, its variables and a term each was made from. */
    private final class Build {
        private final Random r;
        private final Map<String, Node> witness = new LinkedHashMap<>();
        /**
         * Variables bound in every row where the next operator goes: every later pattern starts from one of them, so
         * that no pattern is a cross product with the rest, and a path never starts unbound.
         */
        private List<String> bound = new ArrayList<>();
        private int next;

        Build(Random r) {
            this.r = r;
        }

        Generated query() {
            String where = group(2, null);
            List<String> vars = new ArrayList<>(witness.keySet());
            int form = r.nextInt(100);
            if (form < 6)
                return new Generated("ASK { " + where + " }", false);
            if (form < 12) {
                String s = anyVar(vars), o = anyVar(vars);
                Node p = pick(predicates);
                return new Generated("CONSTRUCT { " + s + " " + term(p) + " " + o + " } WHERE { " + where + " }", false);
            }
            if (form < 30 && !vars.isEmpty())
                return aggregate(where, vars);
            List<String> projected = new ArrayList<>();
            for (String v : vars)
                if (r.nextInt(3) > 0)
                    projected.add(v);
            if (projected.isEmpty() && !vars.isEmpty())
                projected.add(vars.get(0));
            boolean distinct = r.nextInt(3) == 0;
            boolean star = projected.isEmpty() || (r.nextInt(5) == 0);
            String select = "SELECT " + (distinct ? "DISTINCT " : "") + (star ? "*" : String.join(" ", projected));
            String q = select + " WHERE { " + where + " }";
            // LIMIT and OFFSET only where the order is total: DISTINCT rows ordered by every projected variable.
            if (!star && distinct && r.nextInt(3) == 0) {
                StringBuilder order = new StringBuilder(" ORDER BY");
                for (String v : projected)
                    order.append(r.nextBoolean() ? " " + v : " DESC(" + v + ")");
                q += order;
                if (r.nextBoolean())
                    q += " LIMIT " + (1 + r.nextInt(20));
                if (r.nextInt(3) == 0)
                    q += " OFFSET " + r.nextInt(10);
                return new Generated(q, true);
            }
            return new Generated(q, false);
        }

        private Generated aggregate(String where, List<String> vars) {
            String key = anyVar(vars), x = anyVar(vars);
            StringBuilder q = new StringBuilder("SELECT " + key + " (COUNT(*) AS ?n) (COUNT(DISTINCT " + x + ") AS ?d)");
            switch (r.nextInt(4)) {
                case 0 -> q.append(" (MIN(").append(x).append(") AS ?lo) (MAX(").append(x).append(") AS ?hi)");
                case 1 -> q.append(" (SUM(").append(x).append(") AS ?sum) (AVG(").append(x).append(") AS ?avg)");
                case 2 -> q.append(" (MAX(STRLEN(STR(").append(x).append("))) AS ?len)");
                default -> { }
            }
            q.append(" WHERE { ").append(where).append(" } GROUP BY ").append(key);
            if (r.nextBoolean())
                q.append(" HAVING (COUNT(*) ").append(r.nextBoolean() ? ">" : "<=").append(' ').append(1 + r.nextInt(3)).append(')');
            return new Generated(q.toString(), false);
        }

        /**
         * A group graph pattern: a walk (from {@code anchor} when given), maybe in a GRAPH or a subquery, then a few
         * random operators over it.
         */
        private String group(int depth, String anchor) {
            StringBuilder g = new StringBuilder();
            int kind = r.nextInt(10);
            // GRAPH ?g evaluates its pattern once per graph for each row it is given: only where no row comes in yet.
            if (kind == 0 && anchor == null)
                g.append("GRAPH ").append(boundVar(pick(graphs))).append(" { ").append(walk(anchor)).append(" }");
            else if (kind == 1)
                g.append("GRAPH ").append(term(pick(graphs))).append(" { ").append(walk(anchor)).append(" }");
            else if (kind == 2)
                g.append("GRAPH <urn:x-arq:UnionGraph> { ").append(walk(anchor)).append(" }");
            else if (kind == 3 && depth > 0)
                g.append(subquery(depth - 1, anchor));
            else
                g.append(walk(anchor));
            int ops = r.nextInt(depth + 2);
            for (int i = 0; i < ops; i++)
                g.append(' ').append(operator(depth));
            return g.toString();
        }

        private String operator(int depth) {
            if (bound.isEmpty()) // only constants so far: nothing to start a pattern from
                return "FILTER(" + expr(2) + ")";
            String v = anyVar(bound);
            return switch (r.nextInt(11)) {
                case 0 -> "OPTIONAL { " + inner(() -> walk(v) + (r.nextInt(3) == 0 ? " FILTER(" + expr(2) + ")" : "")) + " }";
                case 1 -> depth > 0 ? "{ " + inner(() -> group(depth - 1, v)) + " } UNION { " + inner(() -> group(depth - 1, v)) + " }"
                                    : "OPTIONAL { " + inner(() -> walk(v)) + " }";
                case 2 -> "MINUS { " + inner(() -> walk(v)) + " }";
                case 3, 4 -> "FILTER(" + expr(3) + ")";
                case 5 -> "FILTER " + (r.nextBoolean() ? "EXISTS" : "NOT EXISTS") + " { " + inner(() -> walk(v)) + " }";
                case 6 -> path(v);
                case 7 -> "BIND(" + bindExpr(v) + " AS " + newVar(null) + ")";
                case 8 -> values(v);
                case 9 -> "GRAPH " + term(graphOf(v)) + " { " + walk(v) + " }";
                default -> "{ " + walk(v) + " }";
            };
        }

        /** Writes a pattern whose variables are not bound outside it (OPTIONAL, MINUS, EXISTS, a UNION branch). */
        private String inner(java.util.function.Supplier<String> pattern) {
            List<String> outside = new ArrayList<>(bound);
            String text = pattern.get();
            bound = outside;
            return text;
        }

        /**
         * A walk of one to three real triples, each term kept as a constant or made a variable; starting from a
         * variable already in the query (and a term it stands for) when {@code from} is given.
         */
        private String walk(String from) {
            Quad q;
            Node start = from == null ? null : witness.get(from);
            List<Quad> around = start == null ? null : r.nextBoolean() ? bySubject.get(start) : byObject.get(start);
            if (start != null && (around == null || around.isEmpty()))
                around = bySubject.get(start);
            if (from != null && (around == null || around.isEmpty())) {
                // Nothing known about the variable's term: a triple from it with some predicate, which may match nothing.
                return from + " " + term(pick(predicates)) + " " + boundVar(null) + " .";
            }
            q = around == null ? pick(quads) : pick(around);
            int length = 1 + r.nextInt(3);
            StringBuilder out = new StringBuilder();
            String s = start != null && around != null && q.getSubject().equals(start) ? from : null;
            String o = start != null && around != null && q.getObject().equals(start) ? from : null;
            for (int i = 0; i < length; i++) {
                if (s == null)
                    s = termOrVar(q.getSubject(), i == 0 && from == null ? 3 : 2);
                if (o == null)
                    o = termOrVar(q.getObject(), 2);
                // A predicate is a variable only next to a constant, so that no pattern is a scan of every quad.
                boolean anchored = !s.startsWith("?") || !o.startsWith("?");
                String p = anchored && r.nextInt(8) == 0 ? boundVar(q.getPredicate()) : term(q.getPredicate());
                out.append(s).append(' ').append(p).append(' ').append(o).append(" . ");
                List<Quad> onward = q.getObject().isLiteral() ? null : bySubject.get(q.getObject());
                if (onward == null || onward.isEmpty())
                    break;
                String last = o;
                q = pick(onward);
                s = last;
                o = null;
            }
            return out.toString().trim();
        }

        /** A new variable standing for a term, {@code varOdds} times in {@code varOdds + 1}; else the term itself (never a blank node). */
        private String termOrVar(Node n, int varOdds) {
            if (n.isBlank() || r.nextInt(varOdds + 1) != 0)
                return boundVar(n);
            return term(n);
        }

        private String path(String v) {
            Node p1 = pathPredicate(v), p2 = pick(predicates);
            String a = term(p1), b = term(p2);
            String path = switch (r.nextInt(9)) {
                case 0 -> a + "+";
                case 1 -> a + "*";
                case 2 -> a + "?";
                case 3 -> "^" + a;
                case 4 -> a + "/" + b;
                case 5 -> "(" + a + "|" + b + ")";
                case 6 -> "!(" + term(RDF.type.asNode()) + ")";
                case 7 -> "(" + a + "|^" + a + ")+";
                default -> a + "/^" + a;
            };
            Node end = null;
            List<Quad> out = bySubject.get(witness.get(v));
            if (out != null && !out.isEmpty())
                end = pick(out).getObject();
            return v + " " + path + " " + (end != null && r.nextInt(4) == 0 ? term(end) : boundVar(end)) + " .";
        }

        /** A graph that holds a triple about the term behind a variable, or any graph. */
        private Node graphOf(String v) {
            List<Quad> out = bySubject.get(witness.get(v));
            return out == null || out.isEmpty() ? pick(graphs) : pick(out).getGraph();
        }

        /** A predicate the term behind a variable has, where it has one. */
        private Node pathPredicate(String v) {
            List<Quad> out = bySubject.get(witness.get(v));
            return out == null || out.isEmpty() || r.nextInt(4) == 0 ? pick(predicates) : pick(out).getPredicate();
        }

        private String values(String v) {
            int n = 1 + r.nextInt(3);
            StringBuilder sb = new StringBuilder("VALUES " + v + " {");
            for (int i = 0; i < n; i++)
                sb.append(' ').append(r.nextInt(6) == 0 ? "UNDEF" : term(constantFor(v)));
            return sb.append(" }").toString();
        }

        /** A filter expression of at most {@code depth} levels over the variables so far. */
        private String expr(int depth) {
            if (depth > 0 && r.nextInt(3) == 0) {
                return switch (r.nextInt(3)) {
                    case 0 -> "(" + expr(depth - 1) + " || " + expr(depth - 1) + ")";
                    case 1 -> "(" + expr(depth - 1) + " && " + expr(depth - 1) + ")";
                    default -> "!(" + expr(depth - 1) + ")";
                };
            }
            String v = anyVar(new ArrayList<>(witness.keySet()));
            Node w = constantFor(v);
            return switch (r.nextInt(16)) {
                case 0, 1 -> v + " = " + term(w);
                case 2 -> v + " != " + term(w);
                case 3 -> "sameTerm(" + v + ", " + term(w) + ")";
                case 4 -> v + " IN (" + term(w) + ", " + term(constantFor(v)) + ")";
                case 5 -> v + " NOT IN (" + term(w) + ")";
                case 6 -> (r.nextBoolean() ? "isIRI(" : r.nextBoolean() ? "isLiteral(" : "isBlank(") + v + ")";
                case 7 -> "BOUND(" + v + ")";
                case 8 -> "langMatches(lang(" + v + "), \"en\")";
                case 9 -> "STRSTARTS(STR(" + v + "), " + quoted(prefix(w)) + ")";
                case 10 -> "CONTAINS(LCASE(STR(" + v + ")), " + quoted(r.nextBoolean() ? "a" : "musk") + ")";
                case 11 -> "REGEX(STR(" + v + "), " + quoted(r.nextBoolean() ? "^http" : "[0-9]") + ", \"i\")";
                case 12 -> "STRLEN(STR(" + v + ")) > " + r.nextInt(40);
                case 13 -> v + (r.nextBoolean() ? " > " : " <= ") + term(numbers.isEmpty() ? w : pick(numbers));
                case 14 -> "datatype(" + v + ") = <http://www.w3.org/2001/XMLSchema#" + (r.nextBoolean() ? "string>" : "decimal>");
                default -> {
                    // Two variables each equal to a term: the disjunction ARQ rewrote into a union that repeats rows.
                    String u = anyVar(new ArrayList<>(witness.keySet()));
                    yield "(" + v + " = " + term(w) + " || " + u + " = " + term(constantFor(u)) + ")";
                }
            };
        }

        private String bindExpr(String v) {
            return switch (r.nextInt(7)) {
                case 0 -> "STR(" + v + ")";
                case 1 -> "UCASE(STR(" + v + "))";
                case 2 -> "STRLEN(STR(" + v + "))";
                case 3 -> "IF(isIRI(" + v + "), \"iri\", \"other\")";
                case 4 -> "COALESCE(" + anyVar(new ArrayList<>(witness.keySet())) + ", \"none\")";
                case 5 -> "CONCAT(STR(" + v + "), \"|\", STR(" + anyVar(new ArrayList<>(witness.keySet())) + "))";
                default -> v + " * 2";
            };
        }

        /** A subquery over a group from {@code anchor}, projecting the anchor (or one of its variables when there is none). */
        private String subquery(int depth, String anchor) {
            Map<String, Node> outer = new LinkedHashMap<>(witness);
            List<String> outerBound = new ArrayList<>(bound);
            String inner = group(depth, anchor);
            List<String> innerVars = new ArrayList<>(witness.keySet());
            innerVars.removeAll(outer.keySet());
            if (anchor == null && innerVars.isEmpty())
                return "{ " + inner + " }";
            bound = outerBound;
            String key = anchor != null ? anchor : anyVar(innerVars);
            if (!bound.contains(key))
                bound.add(key);
            // Only the projected variables are visible outside: forget the others.
            Map<String, Node> visible = new LinkedHashMap<>(outer);
            String sub;
            if (r.nextBoolean()) {
                String count = "?" + "c" + next++;
                sub = "{ SELECT " + key + " (COUNT(*) AS " + count + ") WHERE { " + inner + " } GROUP BY " + key + " }";
                visible.put(key, witness.get(key));
                visible.put(count, null);
            } else {
                sub = "{ SELECT DISTINCT " + key + " WHERE { " + inner + " } ORDER BY " + key + " LIMIT " + (1 + r.nextInt(30)) + " }";
                visible.put(key, witness.get(key));
            }
            witness.clear();
            witness.putAll(visible);
            return sub;
        }

        /** The term a variable was made from, or now and then another term of the data. */
        private Node constantFor(String v) {
            Node w = v == null ? null : witness.get(v);
            if (w == null || w.isBlank() || r.nextInt(5) == 0) {
                Quad q = pick(quads);
                Node n = r.nextBoolean() ? q.getObject() : q.getSubject();
                return n.isBlank() ? q.getPredicate() : n;
            }
            return w;
        }

        private String newVar(Node witnessTerm) {
            String v = "?v" + next++;
            witness.put(v, witnessTerm);
            return v;
        }

        /** A new variable that the pattern being written binds. */
        private String boundVar(Node witnessTerm) {
            String v = newVar(witnessTerm);
            bound.add(v);
            return v;
        }

        private <T> T pick(List<T> list) {
            if (list.isEmpty())
                throw new IllegalStateException("nothing to pick from");
            return list.get(r.nextInt(list.size()));
        }

        /** One of the variables, or a new one when there is none yet. */
        private String anyVar(List<String> vars) {
            return vars.isEmpty() ? newVar(null) : vars.get(r.nextInt(vars.size()));
        }
    }

    /** Full IRIs, no prefixes: the queries declare none. */
    private static final org.apache.jena.shared.PrefixMapping NO_PREFIXES = org.apache.jena.shared.PrefixMapping.Factory.create().lock();

    private static String term(Node n) {
        return FmtUtils.stringForNode(n, NO_PREFIXES);
    }

    private static String quoted(String s) {
        return "\"" + FmtUtils.stringEsc(s) + "\"";
    }

    /** The first few characters of a term's string form. */
    private static String prefix(Node n) {
        String s = n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : "";
        return s.substring(0, Math.min(s.length(), 12));
    }
}
