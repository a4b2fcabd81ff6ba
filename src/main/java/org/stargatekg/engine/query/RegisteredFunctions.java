package org.stargatekg.engine.query;

import java.util.Iterator;

import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.stargatekg.describe.ExtensionFunctions;

/**
 * The functions and property functions a query sent to the endpoint may call: those registered with Jena when the
 * server starts (SPARQL, XPath, {@code list:}, {@code text:query}) and the library ones the service description lists
 * ({@link ExtensionFunctions}), and no others. Jena would load any class named by a {@code java:} IRI, or from its
 * {@code apf:} library, on first use; that way lie functions the {@link DeadlineOptimizer} does not know, such as
 * {@code apf:strSplit}, which splits on a regular expression.
 */
public final class RegisteredFunctions {

    private RegisteredFunctions() {}

    /** Puts into {@code context} copies of Jena's registries that answer only for what is registered now. */
    public static void closeIn(Context context) {
        FunctionRegistry functions = new ClosedFunctions();
        FunctionRegistry global = FunctionRegistry.get();
        for (Iterator<String> it = global.keys(); it.hasNext();) {
            String uri = it.next();
            if (!ExtensionFunctions.UNGUARDED.contains(uri))
                functions.put(uri, global.get(uri));
        }
        context.set(ARQConstants.registryFunctions, functions);
        PropertyFunctionRegistry properties = new ClosedPropertyFunctions();
        PropertyFunctionRegistry globalProperties = PropertyFunctionRegistry.get();
        for (Iterator<String> it = globalProperties.keys(); it.hasNext();) {
            String uri = it.next();
            if (!ExtensionFunctions.UNGUARDED.contains(uri))
                properties.put(uri, globalProperties.get(uri));
        }
        for (ExtensionFunctions.Extension listed : ExtensionFunctions.ofJena().all()) {
            if (listed.property())
                properties.put(listed.iri(), globalProperties.get(listed.iri()));
            else
                functions.put(listed.iri(), global.get(listed.iri()));
        }
        context.set(ARQConstants.registryPropertyFunctions, properties);
        if (functions.isRegistered(BoundedPow.IRI))
            functions.put(BoundedPow.IRI, BoundedPow.class);
    }

    private static final class ClosedFunctions extends FunctionRegistry {
        @Override
        public FunctionFactory get(String uri) {
            return isRegistered(uri) ? super.get(uri) : null;
        }
    }

    private static final class ClosedPropertyFunctions extends PropertyFunctionRegistry {
        @Override
        public boolean manages(String uri) {
            return isRegistered(uri);
        }

        @Override
        public PropertyFunctionFactory get(String uri) {
            return isRegistered(uri) ? super.get(uri) : null;
        }
    }
}
