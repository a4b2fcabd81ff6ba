package org.stargatekg.cli;

import java.util.function.Function;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How a command logs in to an external store, shared by {@code load} and by serving with {@code --sparql-endpoint}. */
final class StoreLogin {

    /** The environment variable holding the store password; never an option, so it stays out of process listings. */
    static final String PASSWORD_VARIABLE = "KG_STORE_PASSWORD";

    /** Where the password comes from: the process environment, replaceable in tests. */
    static Function<String, String> environment = System::getenv;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--store-user", paramLabel = "NAME",
            description = "The user to log in to the store as (HTTP Basic or Digest); the password is read from the environment "
                          + "variable " + PASSWORD_VARIABLE + ".")
    private String user;

    /** The user to log in as, or null to send no credentials. */
    String user() {
        return user;
    }

    /** The store password from the environment; a usage error when a user is given without one. */
    String password() {
        String password = environment.apply(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty())
            throw new ParameterException(spec.commandLine(), "--store-user needs the password in the environment variable " + PASSWORD_VARIABLE);
        return password;
    }
}
