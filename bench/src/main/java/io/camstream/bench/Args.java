package io.camstream.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value}, {@code --name=value} or, for flags, {@code --name}.
 */
public final class Args {

    private final Map<String, String> values;
    private final Set<String> used = new HashSet<>();

    private Args(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Splits the arguments of one command.
     *
     * @param args  the arguments after the command's name
     * @param flags the options that take no value
     * @return the options
     * @throws IllegalArgumentException for anything that is not an option, or a value missing
     */
    public static Args parse(List<String> args, Set<String> flags) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected an option such as --viewers, found '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(2, equals) : arg.substring(2);
            if (equals > 0) {
                values.put(name, arg.substring(equals + 1));
            } else if (flags.contains(name)) {
                values.put(name, "true");
            } else if (i + 1 < args.size()) {
                values.put(name, args.get(++i));
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return new Args(values);
    }

    /**
     * @return the option's value
     * @throws IllegalArgumentException when it was not given
     */
    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("--" + name + " is required"));
    }

    public Optional<String> optional(String name) {
        used.add(name);
        return Optional.ofNullable(values.get(name));
    }

    public boolean flag(String name) {
        return optional(name).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * @return the option as a whole number of at least {@code min}, or the default when not given
     * @throws IllegalArgumentException naming the option and the value when it is not such a number
     */
    public int integer(String name, int defaultValue, int min) {
        return (int) number(name, defaultValue, min, true);
    }

    /**
     * @return the option as a number of at least {@code min}, or the default when not given
     * @throws IllegalArgumentException naming the option and the value when it is not such a number
     */
    public double decimal(String name, double defaultValue, double min) {
        return number(name, defaultValue, min, false);
    }

    /**
     * Rejects options that no one asked for, so a typo does not pass silently.
     *
     * @throws IllegalArgumentException naming the first unknown option
     */
    public void rejectUnknown() {
        values.keySet().stream()
                .filter(name -> !used.contains(name))
                .sorted()
                .findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("unknown option --" + name);
                });
    }

    private double number(String name, double defaultValue, double min, boolean whole) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        String kind = whole ? "a whole number" : "a number";
        try {
            double value = whole ? Integer.parseInt(text.get()) : Double.parseDouble(text.get());
            if (value < min || Double.isNaN(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + name + " must be " + kind + " of at least " + format(min) + ", was '" + text.get() + "'");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
