package org.stargatekg.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.stargatekg.http.Responses;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;

/**
 * {@code GET /sparql-syntax?query=…}: whether a query parses, as the endpoint would parse it (ARQ's syntax), with the
 * line and column of the first error; the editor asks it as the reader types. Nothing is run.
 */
final class SyntaxCheck extends HttpServlet {

    /** Where the editor asks. */
    static final String PATH = "/sparql-syntax";

    /** The longest query checked; the editor checks longer ones only when run. */
    static final int MAX_CHARACTERS = 20_000;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String query = req.getParameter("query");
        JsonObject body = new JsonObject();
        int status = 200;
        if (query == null) {
            status = 400;
            body.put("error", "give the query to check: " + PATH + "?query=…");
        } else if (query.length() > MAX_CHARACTERS) {
            status = 400;
            body.put("error", "a query checked as you type may be at most " + MAX_CHARACTERS + " characters long");
        } else {
            try {
                QueryFactory.create(query, Syntax.syntaxARQ);
                body.put("ok", true);
            } catch (QueryParseException ex) {
                body.put("ok", false);
                body.put("error", firstLine(ex.getMessage()));
                if (ex.getLine() > 0) {
                    body.put("line", ex.getLine());
                    body.put("column", ex.getColumn());
                }
            } catch (QueryException ex) {
                body.put("ok", false);
                body.put("error", firstLine(ex.getMessage()));
            }
        }
        resp.setHeader("Cache-Control", "no-store");
        Responses.send(resp, status, "application/json; charset=utf-8", JSON.toString(body));
    }

    private static String firstLine(String message) {
        if (message == null)
            return "not a valid query";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
