package org.stargatekg.engine.query;

import java.io.StringReader;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.irix.IRIs;
import org.apache.jena.irix.IRIx;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.shared.JenaException;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.lang.SyntaxVarScope;
import org.apache.jena.sparql.lang.arq.javacc.ARQParser;
import org.apache.jena.sparql.lang.arq.javacc.ARQParserTokenManager;
import org.apache.jena.sparql.lang.arq.javacc.ParseException;
import org.apache.jena.sparql.lang.arq.javacc.SimpleCharStream;
import org.apache.jena.sparql.lang.arq.javacc.TokenMgrError;
import org.apache.jena.query.QueryFactory;
import org.stargatekg.engine.EnginePatch;

/**
 * Parses a SPARQL query (ARQ syntax, Fuseki's base IRI) into the same {@link Query} as Fuseki's
 * {@code QueryFactory.create(text, "http://server/unset-base/", Syntax.syntaxARQ)}, with the same errors, at less cost:
 * the parser's character buffer is sized to the query instead of 4,096 characters (three arrays, 40 KB, allocated
 * and zeroed for every query), and the base IRI remembers what it resolved ({@link CachingBase}), so an IRI or prefix
 * seen in an earlier query is not parsed again by jena-iri (whose lexers are shared by all threads behind locks; ARQ's
 * parser resolves through the base itself, past the resolver's own cache). Everything else is ARQ's own parser
 * ({@code ParserARQ.perform}, step for step).
 */
public final class QueryParser {

    /** The base IRI Fuseki parses queries against. */
    static final String BASE = Fuseki.BaseParserSPARQL;

    private static final IRIx BASE_IRI = new CachingBase(IRIs.resolveIRI(BASE));

    /**
     * One resolver per thread: its cache is not thread-safe, and a query is parsed and run on the thread that
     * received it. Resolving against a fixed base always gives the same IRI, so the cache never changes an answer.
     */
    private static final ThreadLocal<Prologue> PROLOGUE = ThreadLocal.withInitial(
            () -> new Prologue(new PrefixMappingImpl(),
                               IRIxResolver.create(BASE_IRI).resolve(true).allowRelative(false).build()));

    private QueryParser() {}

    /** The query a text means, or a {@link QueryParseException} (line and column) or {@link QueryException} as Jena's parser throws. */
    public static Query parse(String text) {
        if (!EnginePatch.QUERY_PARSER.patched())
            return QueryFactory.create(text, BASE, Syntax.syntaxARQ);
        Query query = new Query(PROLOGUE.get());
        query.setSyntax(Syntax.syntaxARQ);
        // The text plus one character: the stream never grows its buffer, and reads the end of the text in one go.
        SimpleCharStream chars = new SimpleCharStream(new StringReader(text), 1, 1, text.length() + 1);
        ARQParser parser = new ARQParser(new ARQParserTokenManager(chars));
        try {
            query.setStrict(true);
            parser.setQuery(query);
            parser.QueryUnit();
        } catch (ParseException ex) {
            throw new QueryParseException(ex.getMessage(), ex.currentToken.beginLine, ex.currentToken.beginColumn);
        } catch (TokenMgrError ex) {
            throw new QueryParseException(ex.getMessage(), parser.token.endLine, parser.token.endColumn);
        } catch (QueryException ex) {
            throw ex;
        } catch (JenaException ex) {
            throw new QueryException(ex.getMessage(), ex);
        } catch (Error err) {
            throw new QueryParseException(err.getMessage(), err, -1, -1);
        } catch (Throwable th) {
            throw new QueryException(th.getMessage(), th);
        }
        SyntaxVarScope.check(query);
        return query;
    }
}
