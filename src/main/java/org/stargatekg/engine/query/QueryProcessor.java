package org.stargatekg.engine.query;

import static org.apache.jena.fuseki.server.CounterName.QueryTimeouts;
import static org.apache.jena.fuseki.servlets.ActionExecLib.incCounter;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.atlas.logging.FmtLog;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;

/**
 * Fuseki's SPARQL query processor for a dataset, doing the same for each request minus two costs that change no
 * answer: the query is parsed by {@link QueryParser}, and it is not printed back to text for a log line nobody
 * reads (Fuseki 5.6 serializes every parsed query, and formats two INFO messages, whether or not its log is on).
 * Errors, status codes, timeouts and results are Fuseki's: the rest of the request is its own code.
 */
public final class QueryProcessor extends SPARQL_QueryDataset {

    @Override
    protected void execute(String queryString, HttpAction action) {
        if (queryString.isEmpty())
            ServletOps.errorBadRequest("Error: Empty query string");
        if (queryString.isBlank())
            ServletOps.errorBadRequest("Error: Blank query string");
        Query query = null;
        try {
            query = QueryParser.parse(queryString);
            validateQuery(action, query);
        } catch (ActionErrorException ex) {
            throw ex;
        } catch (QueryParseException ex) {
            String msg = SPARQLProtocol.messageForParseException(ex);
            FmtLog.warn(action.log, "[%d] %s", action.id, msg);
            ServletOps.errorBadRequest(msg);
        } catch (QueryException ex) {
            String msg = SPARQLProtocol.messageForException(ex);
            FmtLog.warn(action.log, "[%d] %s", action.id, msg);
            ServletOps.errorBadRequest("Error: \n" + queryString + "\n" + msg);
        }
        try {
            action.beginRead();
            Pair<DatasetGraph, Query> p = decideDataset(action, query, queryString);
            DatasetGraph dataset = p.getLeft();
            Query q = p.getRight() != null ? p.getRight() : query;
            try (QueryExec qExec = createQueryExec(action, q, dataset)) {
                QueryExecResult result = executeQuery(action, qExec, query, queryString);
                sendResults(action, result, query.getPrologue());
            }
        } catch (QueryParseException ex) {
            // A late static error, such as a bad fixed Lucene query string.
            action.abortSilent();
            ServletOps.errorBadRequest("Query parse error: \n" + queryString + "\n" + SPARQLProtocol.messageForException(ex));
        } catch (QueryBudget.QueryBudgetExceeded ex) {
            action.abortSilent();
            action.getRequest().setAttribute(org.stargatekg.guard.CutOffAnswers.STOPPED, ex.getMessage());
            FmtLog.warn(action.log, "[%d] Query stopped: %s", action.id, ex.getMessage());
            ServletOps.errorBadRequest("Query stopped: " + ex.getMessage());
        } catch (QueryCancelledException ex) {
            action.abortSilent();
            incCounter(action.getEndpoint().getCounters(), QueryTimeouts);
            throw ex;
        } finally {
            action.endRead();
        }
    }
}
