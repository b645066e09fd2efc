package org.landfall.reliability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} options of a command-line tool, with the ones it requires; exits 2 with its usage else. */
final class Options {

    private Options() {
    }

    static Map<String, String> parse(String[] args, String tool, String usage, List<String> required) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                fail(tool, "unexpected argument " + args[i], usage);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            fail(tool, "option " + args[args.length - 1] + " needs a value", usage);
        }
        required.stream().filter(r -> !options.containsKey(r)).findFirst()
                .ifPresent(r -> fail(tool, "--" + r + " is required", usage));
        return options;
    }

    private static void fail(String tool, String problem, String usage) {
        System.err.println(tool + ": " + problem + "\nusage: " + usage);
        System.exit(2);
    }
}
