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
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append(" in the configuration:");
        for (int i = 0; i < problems.size(); i++) {
            sb.append("\n  - ").append(problems.get(i).message());
        }
        return sb.toString();
    }
}
