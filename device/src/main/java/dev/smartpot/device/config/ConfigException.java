package dev.smartpot.device.config;

import java.util.List;

/** Every problem found in a configuration, reported together so a user fixes them in one pass. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = problems;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        return report(problems, "in the configuration", null);
    }

    /**
     * The one way to show the problems to a person: {@code "2 problems <where>; <consequence>:"}, then one
     * {@code "  - ..."} line each, in file order.
     *
     * @param where e.g. "in the configuration"; null when the caller already named the file
     * @param consequence what did not happen because of them, e.g. "nothing was started"; null for none
     */
    public String report(String where, String consequence) {
        return report(problems, where, consequence);
    }

    private static String report(List<ConfigProblem> problems, String where, String consequence) {
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        if (where != null) {
            sb.append(' ').append(where);
        }
        if (consequence != null) {
            sb.append("; ").append(consequence);
        }
        sb.append(':');
        for (int i = 0; i < problems.size(); i++) {
            sb.append("\n  - ").append(problems.get(i).message());
        }
        return sb.toString();
    }
}
